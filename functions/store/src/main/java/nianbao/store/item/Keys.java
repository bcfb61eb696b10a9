package nianbao.store.item;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Primary keys and index names of the one table. Every item has {@code pk} and {@code sk}; what they hold says
 * what the item is (functions/store/README.md has the full design).
 */
public final class Keys {
  private Keys() {}

  public static final String PK = "pk";
  public static final String SK = "sk";

  /** The primary key of an item, as the low-level client takes it. */
  public static Map<String, AttributeValue> of(String pk, String sk) {
    return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
  }

  /** Report heads, versions, body chunks and findings share the report's partition. */
  public static String report(String reportId) {
    return "R#" + reportId;
  }

  public static final String HEAD = "HEAD";

  /** A report's review: the reviewers' decisions (and corrections), kept across its versions. */
  public static final String REVIEW = "REVIEW";

  /** A deleted report's tombstone: what a restore needs, until the retention period ends. */
  public static final String DELETED = "DELETED";

  public static String version(String sha256) {
    return "V#" + sha256;
  }

  public static final String VERSION_PREFIX = "V#";

  /** A removed version's due purge ({@code RemovedVersion}). */
  public static String removedVersion(String sha256) {
    return "P#" + sha256;
  }

  public static String bodyChunk(String sha256, String bodyHash, int n) {
    return String.format("B#%s#%s#%04d", sha256, bodyHash, n);
  }

  public static String bodyChunkPrefix(String sha256, String bodyHash) {
    return "B#" + sha256 + "#" + bodyHash + "#";
  }

  public static String rule(String rule) {
    return "F#" + rule;
  }

  public static final String RULE_PREFIX = "F#";

  /** An agency's partition: the year items naming its report of each year ({@code AgencyYear}). */
  public static String agency(String agencyKey) {
    return "A#" + agencyKey;
  }

  public static final String AGENCY_YEAR_PREFIX = "Y#";

  public static String agencyYear(int year) {
    return AGENCY_YEAR_PREFIX + year;
  }

  /** An agency merged into another: its alias, in its own partition ({@code AgencyAlias}). */
  public static final String ALIAS = "ALIAS";

  /** The canonical agency's listing of an agency merged into it, in the canonical agency's partition. */
  public static final String MERGED_PREFIX = "M#";

  public static String merged(String fromKey) {
    return MERGED_PREFIX + fromKey;
  }

  /** Uploaded objects: one partition per bucket and key, one item per object version. */
  public static String source(String bucket, String key) {
    return "S#" + bucket + "#" + key;
  }

  public static String sourceVersion(String versionId) {
    return versionId == null || versionId.isEmpty() ? "null" : versionId;
  }

  /** Summaries: {@code *} stands for "all" in a scope. */
  public static String summary(Integer year, String province, String city) {
    return "SUM#" + (year == null ? "*" : year) + "#" + (province == null ? "*" : province) + "#"
        + (city == null ? "*" : city);
  }

  /**
   * A county's summary: {@code SUM#<year or *>#<province>#<city or *>#<county>} — its city's key and the county, so
   * a county a province administers directly (济源市, a municipality's district) has {@code *} for its city.
   */
  public static String summary(Integer year, String province, String city, String county) {
    return county == null ? summary(year, province, city) : summary(year, province, city) + "#" + county;
  }

  public static final String SUMMARY = "SUM";

  // ---- indexes (declared in template.yaml; TemplateSchemaTest checks these against it) ----
  public static final String BY_NEWEST = "byNewest";
  public static final String BY_YEAR = "byYear";
  public static final String BY_STATUS = "byStatus";
  public static final String BY_YEAR_STATUS = "byYearStatus";
  public static final String BY_PROVINCE = "byProvince";
  public static final String BY_CITY = "byCity";
  public static final String BY_YEAR_PROVINCE = "byYearProvince";
  public static final String BY_YEAR_CITY = "byYearCity";
  public static final String BY_AGENCY = "byAgency";
  public static final String BY_RULE = "byRule";
  public static final String BY_YEAR_RULE = "byYearRule";
  public static final String BY_PROCESSING = "byProcessing";

  /** The constant partition of {@code byNewest}: every current report and every rejected upload. */
  public static final String LIST_ALL = "REPORTS";
}

package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The current state of one report: (agency identity, year) for a readable report, or one uploaded object for a
 * rejected one. It is what every list shows, what the list indexes hold (each index key is set only where it
 * applies, so the indexes are sparse), and its {@code revision} is the optimistic lock every change of the report
 * is conditioned on.
 *
 * @param warnings    warning findings; {@code notes} the reading notes, counted apart (0 on items written before
 *                    reading notes had a severity of their own, whose warnings include them until reprocessed)
 * @param ruleCounts  findings of the current state by rule (single-report and cross-year)
 * @param crossFindings the X2/X4/X5 findings against the stored neighbours, docs/FORMAT.md JSON array, or null
 * @param uploadOrder the order of the current version's upload (event time, then sequencer)
 * @param errors      error findings a reviewer has not dismissed (they decide the status); {@code readErrors} and
 *                    {@code readWarnings} count them all, as read (null on items written before reviews)
 * @param corrected   the reviewers' corrections applied to the current version's values (null or 0: none)
 * @param ruleCounts  (also) a rule whose findings were all dismissed stays, counted 0, so its item is known
 * @param reviewState core's {@code ReviewStates}: PENDING, REVIEWED, NOTIFIED or RECTIFIED (null for a rejected
 *                    upload, and on heads written before review states until their next write)
 * @param indicators  the current report's indicators as figures ({@code IndicatorFigures}); null on heads
 *                    written before they were kept, and on rejected uploads
 * @param printedDate the date the current version prints for itself (ISO; 发布日期 or 落款, {@code printedDateKind}),
 *                    null when it prints none or was read before dates were looked for (rules/5)
 */
@RecordBuilder
public record ReportHead(
    String reportId, String kind, String agencyKey, String agency, String agencyNorm, Integer year,
    String template, String title, String regionCode, String province, String city, String county,
    String status, int errors, int warnings, int notes, Map<String, Integer> ruleCounts, String crossFindings,
    String currentSha, int versionCount, String uploadedAt, String uploadOrder,
    String bucket, String key, String versionId, String eTag, Long size, String format, String sourceName,
    String reader, String rulesVersion, String reason, long revision, String updatedAt, Integer readErrors,
    Integer readWarnings, Integer corrected, String reviewState, String indicators, String printedDate,
    String printedDateKind) {

  public static final String KIND_REPORT = "REPORT";
  public static final String KIND_REJECTED = "REJECTED";

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.HEAD;
  }

  public boolean rejected() {
    return KIND_REJECTED.equals(kind);
  }

  /** Whether reviewers changed what the current version's body says: values corrected or findings dismissed. */
  public boolean reviewed() {
    return corrected != null && corrected > 0 || readErrors != null && readErrors != errors
        || readWarnings != null && readWarnings != warnings;
  }

  public Set<String> ruleIds() {
    return ruleCounts == null ? Set.of() : ruleCounts.keySet();
  }

  /** {@code year#uploadedAt#reportId}: newest year first, then newest upload, when read backwards. */
  public String ord() {
    return String.format("%04d", year == null ? 0 : year) + "#" + uploadedAt + "#" + reportId;
  }

  public String listKey() {
    return Keys.LIST_ALL;
  }

  public String yearKey() {
    return year == null ? null : year.toString();
  }

  public String statusKey() {
    return status;
  }

  public String yearStatusKey() {
    return year == null ? null : year + "#" + status;
  }

  public String provinceKey() {
    return province;
  }

  public String cityKey() {
    return province == null || city == null ? null : province + "#" + city;
  }

  public String yearProvinceKey() {
    return year == null || province == null ? null : year + "#" + province;
  }

  public String yearCityKey() {
    return year == null || cityKey() == null ? null : year + "#" + cityKey();
  }

  /** The first character of the normalised agency name: the partition of the agency-prefix index. */
  public String agencyInitial() {
    return agencyNorm == null || agencyNorm.isEmpty() ? null : agencyNorm.substring(0, agencyNorm.offsetByCodePoints(0, 1));
  }

  /** Name, then newest year first. */
  public String agencySort() {
    return agencyNorm == null || agencyNorm.isEmpty() ? null
        : agencyNorm + "#" + String.format("%04d", 9999 - (year == null ? 0 : year)) + "#" + reportId;
  }

  public String procKey() {
    return ProcessingVersion.key(rulesVersion, reader, kind, format);
  }

  public static final TableSchema<ReportHead> SCHEMA = new SchemaBuilder<>(ReportHead.class, ReportHead::from)
      .string(Keys.PK, ReportHead::pk, primaryPartitionKey())
      .string(Keys.SK, ReportHead::sk, primarySortKey())
      .string("reportId", ReportHead::reportId)
      .string("kind", ReportHead::kind)
      .string("agencyKey", ReportHead::agencyKey)
      .string("agency", ReportHead::agency)
      .string("agencyNorm", ReportHead::agencyNorm)
      .integer("year", ReportHead::year)
      .string("template", ReportHead::template)
      .string("title", ReportHead::title)
      .string("regionCode", ReportHead::regionCode)
      .string("province", ReportHead::province)
      .string("city", ReportHead::city)
      .string("county", ReportHead::county)
      .string("status", ReportHead::status)
      .integer("errors", ReportHead::errors)
      .integer("warnings", ReportHead::warnings)
      .integer("notes", ReportHead::notes)
      .intMap("ruleCounts", ReportHead::ruleCounts)
      .stringSet("ruleIds", ReportHead::ruleIds)
      .string("crossFindings", ReportHead::crossFindings)
      .string("currentSha", ReportHead::currentSha)
      .integer("versionCount", ReportHead::versionCount)
      .string("uploadedAt", ReportHead::uploadedAt)
      .string("uploadOrder", ReportHead::uploadOrder)
      .string("bucket", ReportHead::bucket)
      .string("key", ReportHead::key)
      .string("versionId", ReportHead::versionId)
      .string("eTag", ReportHead::eTag)
      .longer("size", ReportHead::size)
      .string("format", ReportHead::format)
      .string("sourceName", ReportHead::sourceName)
      .string("reader", ReportHead::reader)
      .string("rulesVersion", ReportHead::rulesVersion)
      .string("reason", ReportHead::reason)
      .longer("revision", ReportHead::revision)
      .string("updatedAt", ReportHead::updatedAt)
      .integer("readErrors", ReportHead::readErrors)
      .integer("readWarnings", ReportHead::readWarnings)
      .integer("corrected", ReportHead::corrected)
      .string("reviewState", ReportHead::reviewState)
      .string("indicators", ReportHead::indicators)
      .string("printedDate", ReportHead::printedDate)
      .string("printedDateKind", ReportHead::printedDateKind)
      .string("ord", ReportHead::ord, secondarySortKey(List.of(Keys.BY_NEWEST, Keys.BY_YEAR, Keys.BY_STATUS,
          Keys.BY_YEAR_STATUS, Keys.BY_PROVINCE, Keys.BY_CITY, Keys.BY_YEAR_PROVINCE, Keys.BY_YEAR_CITY,
          Keys.BY_PROCESSING)))
      .string("listKey", ReportHead::listKey, secondaryPartitionKey(Keys.BY_NEWEST))
      .string("yearKey", ReportHead::yearKey, secondaryPartitionKey(Keys.BY_YEAR))
      .string("statusKey", ReportHead::statusKey, secondaryPartitionKey(Keys.BY_STATUS))
      .string("yearStatusKey", ReportHead::yearStatusKey, secondaryPartitionKey(Keys.BY_YEAR_STATUS))
      .string("provinceKey", ReportHead::provinceKey, secondaryPartitionKey(Keys.BY_PROVINCE))
      .string("cityKey", ReportHead::cityKey, secondaryPartitionKey(Keys.BY_CITY))
      .string("yearProvinceKey", ReportHead::yearProvinceKey, secondaryPartitionKey(Keys.BY_YEAR_PROVINCE))
      .string("yearCityKey", ReportHead::yearCityKey, secondaryPartitionKey(Keys.BY_YEAR_CITY))
      .string("agencyInitial", ReportHead::agencyInitial, secondaryPartitionKey(Keys.BY_AGENCY))
      .string("agencySort", ReportHead::agencySort, secondarySortKey(Keys.BY_AGENCY))
      .string("procKey", ReportHead::procKey, secondaryPartitionKey(Keys.BY_PROCESSING))
      .build();

  static ReportHead from(ItemBuilder b) {
    // a keys-only index (byProcessing) projects pk but not reportId
    String id = b.s("reportId") != null ? b.s("reportId") : b.s(Keys.PK) == null ? null : b.s(Keys.PK).substring(2);
    return new ReportHead(id, b.s("kind"), b.s("agencyKey"), b.s("agency"), b.s("agencyNorm"),
        b.i("year"), b.s("template"), b.s("title"), b.s("regionCode"), b.s("province"), b.s("city"),
        b.s("county"), b.s("status"), b.i0("errors"), b.i0("warnings"), b.i0("notes"), b.intMap("ruleCounts"),
        b.s("crossFindings"), b.s("currentSha"), b.i0("versionCount"), b.s("uploadedAt"), b.s("uploadOrder"),
        b.s("bucket"), b.s("key"), b.s("versionId"), b.s("eTag"), b.l("size"), b.s("format"), b.s("sourceName"),
        b.s("reader"), b.s("rulesVersion"), b.s("reason"), b.l0("revision"), b.s("updatedAt"),
        b.i("readErrors"), b.i("readWarnings"), b.i("corrected"), b.s("reviewState"), b.s("indicators"),
        b.s("printedDate"), b.s("printedDateKind"));
  }
}

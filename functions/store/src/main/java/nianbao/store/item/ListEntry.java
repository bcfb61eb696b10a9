package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A report's place in the lists of one sort order: a small copy of its list row, in the report's own partition
 * ({@code R#id}, {@code L#<sort>}: a stable key, so a change of the report is one put), filed under every scope
 * it belongs to ({@link ListScopes}) with {@code ord = <status>#<level>#<sortValue>}. Written with its head in the
 * same transaction ({@code Writes}), so lists never disagree with the heads.
 *
 * @param sortValue the report's position in this order (unique: it ends with the report id)
 * @param indicators the head's indicator figures ({@code IndicatorFigures}), so a row shows them
 * @param regionCode the head's division code and {@code printedDate} its printed date: a roster matches and judges
 *                   its reports from the entries alone
 */
@RecordBuilder
public record ListEntry(
    String reportId, String sort, String sortValue, String agencyKey, String agency, String agencyNorm,
    Integer year, String province, String city, String county, String status, int errors, int warnings, int notes,
    Set<String> ruleIds, String title, String uploadedAt, String reviewState, String indicators, String regionCode,
    String printedDate, String printedDateKind) {

  public static final String PREFIX = "L#";

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return PREFIX + sort;
  }

  public String level() {
    return ListScopes.level(province, city, county);
  }

  public String ord() {
    return status + "#" + level() + "#" + sortValue;
  }

  /** The family of this order's scope keys: {@code L|<sort>}. */
  public static String family(String sort) {
    return "L|" + sort;
  }

  private String scope(String attribute) {
    return scopes().get(attribute);
  }

  private Map<String, String> scopes() {
    return ListScopes.of(family(sort), year, province, city, county);
  }

  public static final TableSchema<ListEntry> SCHEMA = schema();

  private static TableSchema<ListEntry> schema() {
    SchemaBuilder<ListEntry> b = new SchemaBuilder<>(ListEntry.class, ListEntry::from)
        .string(Keys.PK, ListEntry::pk, primaryPartitionKey())
        .string(Keys.SK, ListEntry::sk, primarySortKey())
        .string("reportId", ListEntry::reportId)
        .string("sort", ListEntry::sort)
        .string("sortValue", ListEntry::sortValue)
        .string("agencyKey", ListEntry::agencyKey)
        .string("agency", ListEntry::agency)
        .string("agencyNorm", ListEntry::agencyNorm)
        .integer("year", ListEntry::year)
        .string("province", ListEntry::province)
        .string("city", ListEntry::city)
        .string("county", ListEntry::county)
        .string("level", ListEntry::level)
        .string("status", ListEntry::status)
        .integer("errors", ListEntry::errors)
        .integer("warnings", ListEntry::warnings)
        .integer("notes", ListEntry::notes)
        .stringSet("ruleIds", ListEntry::ruleIds)
        .string("title", ListEntry::title)
        .string("uploadedAt", ListEntry::uploadedAt)
        .string("reviewState", ListEntry::reviewState)
        .string("indicators", ListEntry::indicators)
        .string("regionCode", ListEntry::regionCode)
        .string("printedDate", ListEntry::printedDate)
        .string("printedDateKind", ListEntry::printedDateKind)
        .string("ord", ListEntry::ord, secondarySortKey(ListScopes.INDEXES));
    ListScopes.addScopeKeys(b, ListEntry::scope);
    return b.build();
  }

  static ListEntry from(ItemBuilder b) {
    return new ListEntry(b.s("reportId"), b.s("sort"), b.s("sortValue"), b.s("agencyKey"), b.s("agency"),
        b.s("agencyNorm"), b.i("year"), b.s("province"), b.s("city"), b.s("county"), b.s("status"),
        b.i0("errors"), b.i0("warnings"), b.i0("notes"), b.set("ruleIds"), b.s("title"), b.s("uploadedAt"),
        b.s("reviewState"), b.s("indicators"), b.s("regionCode"), b.s("printedDate"), b.s("printedDateKind"));
  }
}

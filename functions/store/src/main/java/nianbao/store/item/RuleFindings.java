package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The current findings of one report for one rule: queried by report (its partition, {@code F#} prefix) and by
 * rule across reports, filed under its report's scopes like a list entry ({@link ListScopes}, family
 * {@code F|<rule>}; {@code byRule}, {@code byYearRule} hold it too, by rule alone). It carries the report's list attributes so that a
 * list filtered by rule is served from the index alone. At most one item per rule id per report, which keeps every
 * change of a report inside one transaction.
 *
 * @param reportRules every rule the report has findings of (its list row's rules)
 * @param reviewState the report's review state (its list row's), for {@code review=} in a list by rule
 * @param reportIndicators the report's indicator figures (its list row's), null on items written before
 * @param agencyKey  the report's agency (its head's), null on items written before
 * @param findings   docs/FORMAT.md JSON array of the findings, or null when stored compressed in {@code findingsGz}
 */
@RecordBuilder
public record RuleFindings(
    String reportId, String rule, int count, int errors, int warnings, int notes, String findings, SdkBytes findingsGz,
    String agency, String agencyNorm, Integer year, String province, String city, String county, String status,
    int reportErrors, int reportWarnings, int reportNotes, String title, String uploadedAt, Set<String> reportRules,
    String reviewState, String reportIndicators, String agencyKey) {

  /** Findings JSON larger than this is stored gzip-compressed. */
  public static final int PLAIN_LIMIT = 64_000;

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.rule(rule);
  }

  /**
   * {@code <status>#<level>#<year>#<uploadedAt>#<reportId>}: the report's place in its rule's lists, newest first
   * when read backwards within one status and level (the lists merge those ranges; {@code nianbao.store.lists}).
   */
  public String ord() {
    return status + "#" + ListScopes.level(province, city, county) + "#" + newest(year, uploadedAt, reportId);
  }

  /** The newest-first sort value: year, upload time, report id. */
  public static String newest(Integer year, String uploadedAt, String reportId) {
    return String.format("%04d", year == null ? 0 : year) + "#" + uploadedAt + "#" + reportId;
  }

  /** The family of a rule's scope keys: {@code F|<rule>}. */
  public static String family(String rule) {
    return "F|" + rule;
  }

  private String scope(String attribute) {
    return ListScopes.of(family(rule), year, province, city, county).get(attribute);
  }

  public String ruleKey() {
    return rule;
  }

  public String yearRuleKey() {
    return year == null ? null : year + "#" + rule;
  }

  public static final TableSchema<RuleFindings> SCHEMA = schema();

  private static TableSchema<RuleFindings> schema() {
    List<String> ordIndexes = new java.util.ArrayList<>(ListScopes.INDEXES);
    ordIndexes.addAll(List.of(Keys.BY_RULE, Keys.BY_YEAR_RULE));
    SchemaBuilder<RuleFindings> b = new SchemaBuilder<>(RuleFindings.class, RuleFindings::from)
      .string(Keys.PK, RuleFindings::pk, primaryPartitionKey())
      .string(Keys.SK, RuleFindings::sk, primarySortKey())
      .string("reportId", RuleFindings::reportId)
      .string("rule", RuleFindings::rule)
      .integer("count", RuleFindings::count)
      .integer("errors", RuleFindings::errors)
      .integer("warnings", RuleFindings::warnings)
      .integer("notes", RuleFindings::notes)
      .string("findings", RuleFindings::findings)
      .bytes("findingsGz", RuleFindings::findingsGz)
      .string("agency", RuleFindings::agency)
      .string("agencyNorm", RuleFindings::agencyNorm)
      .integer("year", RuleFindings::year)
      .string("province", RuleFindings::province)
      .string("city", RuleFindings::city)
      .string("county", RuleFindings::county)
      .string("status", RuleFindings::status)
      .integer("reportErrors", RuleFindings::reportErrors)
      .integer("reportWarnings", RuleFindings::reportWarnings)
      .integer("reportNotes", RuleFindings::reportNotes)
      .string("title", RuleFindings::title)
      .string("uploadedAt", RuleFindings::uploadedAt)
      .stringSet("reportRules", RuleFindings::reportRules)
      .string("reviewState", RuleFindings::reviewState)
      .string("reportIndicators", RuleFindings::reportIndicators)
      .string("agencyKey", RuleFindings::agencyKey)
      .string("ord", RuleFindings::ord, secondarySortKey(ordIndexes))
      .string("ruleKey", RuleFindings::ruleKey, secondaryPartitionKey(Keys.BY_RULE))
      .string("yearRuleKey", RuleFindings::yearRuleKey, secondaryPartitionKey(Keys.BY_YEAR_RULE));
    ListScopes.addScopeKeys(b, RuleFindings::scope);
    return b.build();
  }

  static RuleFindings from(ItemBuilder b) {
    return new RuleFindings(b.s("reportId"), b.s("rule"), b.i0("count"), b.i0("errors"), b.i0("warnings"), b.i0("notes"),
        b.s("findings"), b.bytes("findingsGz"), b.s("agency"), b.s("agencyNorm"), b.i("year"), b.s("province"),
        b.s("city"), b.s("county"), b.s("status"), b.i0("reportErrors"), b.i0("reportWarnings"), b.i0("reportNotes"), b.s("title"),
        b.s("uploadedAt"), b.set("reportRules"), b.s("reviewState"), b.s("reportIndicators"),
        b.s("agencyKey"));
  }
}

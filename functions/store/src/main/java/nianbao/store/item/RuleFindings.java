package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The current findings of one report for one rule: queried by report (its partition, {@code F#} prefix) and by
 * rule across reports ({@code byRule}, {@code byYearRule}). It carries the report's list attributes so that a
 * list filtered by rule is served from the index alone. At most one item per rule id per report, which keeps every
 * change of a report inside one transaction.
 *
 * @param findings   docs/FORMAT.md JSON array of the findings, or null when stored compressed in {@code findingsGz}
 */
@RecordBuilder
public record RuleFindings(
    String reportId, String rule, int count, int errors, int warnings, int notes, String findings, SdkBytes findingsGz,
    String agency, String agencyNorm, Integer year, String province, String city, String county, String status,
    int reportErrors, int reportWarnings, int reportNotes, String title, String uploadedAt) {

  /** Findings JSON larger than this is stored gzip-compressed. */
  public static final int PLAIN_LIMIT = 64_000;

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.rule(rule);
  }

  public String ord() {
    return String.format("%04d", year == null ? 0 : year) + "#" + uploadedAt + "#" + reportId;
  }

  public String ruleKey() {
    return rule;
  }

  public String yearRuleKey() {
    return year == null ? null : year + "#" + rule;
  }

  public static final TableSchema<RuleFindings> SCHEMA = new SchemaBuilder<>(RuleFindings.class,
      RuleFindings::from)
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
      .string("ord", RuleFindings::ord, secondarySortKey(List.of(Keys.BY_RULE, Keys.BY_YEAR_RULE)))
      .string("ruleKey", RuleFindings::ruleKey, secondaryPartitionKey(Keys.BY_RULE))
      .string("yearRuleKey", RuleFindings::yearRuleKey, secondaryPartitionKey(Keys.BY_YEAR_RULE))
      .build();

  static RuleFindings from(ItemBuilder b) {
    return new RuleFindings(b.s("reportId"), b.s("rule"), b.i0("count"), b.i0("errors"), b.i0("warnings"), b.i0("notes"),
        b.s("findings"), b.bytes("findingsGz"), b.s("agency"), b.s("agencyNorm"), b.i("year"), b.s("province"),
        b.s("city"), b.s("county"), b.s("status"), b.i0("reportErrors"), b.i0("reportWarnings"), b.i0("reportNotes"), b.s("title"),
        b.s("uploadedAt"));
  }
}

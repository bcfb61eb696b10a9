package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Which report is an agency's report of one year ({@code A#<agencyKey>}, {@code Y#<year>}): the agency is its
 * identity (region code and body, core's {@code AgencyIdentity}), while a report's id stays what it was when first
 * stored — so a report stored under its printed name before identities (or an agency merged into another) is still
 * found as the agency's year, by the cross-year rules and the agency's page. Put with the report's head when it
 * becomes current, deleted when it leaves; the agency's years are one Query of its partition.
 *
 * @param agency the agency's name as its report of that year prints it
 */
public record AgencyYear(String agencyKey, int year, String reportId, String agency) {

  public String pk() {
    return Keys.agency(agencyKey);
  }

  public String sk() {
    return Keys.agencyYear(year);
  }

  public static final TableSchema<AgencyYear> SCHEMA = new SchemaBuilder<>(AgencyYear.class, AgencyYear::from)
      .string(Keys.PK, AgencyYear::pk, primaryPartitionKey())
      .string(Keys.SK, AgencyYear::sk, primarySortKey())
      .string("agencyKey", AgencyYear::agencyKey)
      .integer("year", AgencyYear::year)
      .string("reportId", AgencyYear::reportId)
      .string("agency", AgencyYear::agency)
      .build();

  static AgencyYear from(ItemBuilder b) {
    return new AgencyYear(b.s("agencyKey"), b.i0("year"), b.s("reportId"), b.s("agency"));
  }
}

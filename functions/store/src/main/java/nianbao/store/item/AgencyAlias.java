package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An administrator's merge of agency {@code fromKey} into {@code intoKey}: the agency {@code fromKey} is
 * {@code intoKey} for the lists, the cross-year rules, the rankings and the roster. Kept twice, written together:
 * the alias itself in the merged agency's partition ({@code A#<fromKey>} / {@code ALIAS}, what the write path reads
 * for each upload of that agency), and its listing in the canonical agency's ({@code A#<intoKey>} /
 * {@code M#<fromKey>}: the agencies merged into it are one Query). A merge and a split are sequences of
 * transactions; {@code state} says how far one is ({@code MERGING} until every report is re-homed, {@code MERGED},
 * {@code SPLITTING} until every report is back), so a retry finishes it.
 *
 * @param listed     the canonical agency's listing of the merge, not the alias
 * @param fromAgency the merged agency's name as its latest report printed it
 * @param reports    the reports the merge re-homed (their ids never change), so a split takes them back
 */
public record AgencyAlias(boolean listed, String fromKey, String intoKey, String state, String fromAgency,
    String by, String at, String reason, Set<String> reports) {

  public static final String MERGING = "MERGING";
  public static final String MERGED = "MERGED";
  public static final String SPLITTING = "SPLITTING";

  public String pk() {
    return Keys.agency(listed ? intoKey : fromKey);
  }

  public String sk() {
    return listed ? Keys.merged(fromKey) : Keys.ALIAS;
  }

  /** The write path follows the alias while the merge is under way or done, not once a split has begun. */
  public boolean followed() {
    return MERGING.equals(state) || MERGED.equals(state);
  }

  public AgencyAlias withState(String newState, Set<String> newReports) {
    return new AgencyAlias(listed, fromKey, intoKey, newState, fromAgency, by, at, reason, newReports);
  }

  /** The other item of the pair (the alias for its listing, the listing for the alias). */
  public AgencyAlias counterpart() {
    return new AgencyAlias(!listed, fromKey, intoKey, state, fromAgency, by, at, reason, reports);
  }

  public static final TableSchema<AgencyAlias> SCHEMA = new SchemaBuilder<>(AgencyAlias.class, AgencyAlias::from)
      .string(Keys.PK, AgencyAlias::pk, primaryPartitionKey())
      .string(Keys.SK, AgencyAlias::sk, primarySortKey())
      .bool("listed", AgencyAlias::listed)
      .string("fromKey", AgencyAlias::fromKey)
      .string("intoKey", AgencyAlias::intoKey)
      .string("state", AgencyAlias::state)
      .string("fromAgency", AgencyAlias::fromAgency)
      .string("by", AgencyAlias::by)
      .string("at", AgencyAlias::at)
      .string("reason", AgencyAlias::reason)
      .stringSet("reports", AgencyAlias::reports)
      .build();

  static AgencyAlias from(ItemBuilder b) {
    return new AgencyAlias(Boolean.TRUE.equals(b.b("listed")), b.s("fromKey"), b.s("intoKey"), b.s("state"),
        b.s("fromAgency"), b.s("by"), b.s("at"), b.s("reason"), b.set("reports"));
  }
}

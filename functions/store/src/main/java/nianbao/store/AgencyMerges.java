package nianbao.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nianbao.core.agency.AgencyIdentity;
import nianbao.core.model.Region;
import nianbao.store.item.AgencyAlias;
import nianbao.store.item.AgencyYear;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An administrator merges one agency into another, or splits a wrong merge. Report ids never change: a merge
 * records the alias ({@link AgencyAlias}: the write path then files the merged agency's uploads under the canonical
 * one), then moves each of the merged agency's reports ({@link Change.Rehome}: head, lists, year item, X2/X4/X5 on
 * both sides, a history entry), then marks the merge done. A split marks the alias as being undone (the write path
 * stops following it), moves back each report the merge moved or whose own identity is the merged agency, then
 * deletes the alias. Each step is one idempotent transaction and the state on the alias says how far it went, so
 * a merge or split cut short (a timeout, a failure) is finished by asking for it again.
 */
public final class AgencyMerges {
  private final ReportStore store;
  private final ReportWriter writer;
  private final Clock clock;

  public AgencyMerges(ReportStore store, ReportWriter writer, Clock clock) {
    this.store = store;
    this.writer = writer;
    this.clock = clock;
  }

  /** Why a merge or split was refused: {@code code} for the API, {@code years} in conflict where that is why. */
  public static final class Refused extends RuntimeException {
    public enum Code { SAME_AGENCY, NOT_FOUND, INTO_MERGED, ALREADY_MERGED, HAS_MERGED, SPLITTING, YEARS_CONFLICT }

    private final Code code;
    private final List<Integer> years;

    Refused(Code code, String message, List<Integer> years) {
      super(message);
      this.code = code;
      this.years = List.copyOf(years);
    }

    Refused(Code code, String message) {
      this(code, message, List.of());
    }

    public Code code() {
      return code;
    }

    public List<Integer> years() {
      return years;
    }
  }

  /** The merge of {@code agencyKey} into another, if it was merged (under way, done, or being split). */
  public Optional<MergeView> mergeOf(String agencyKey) {
    return store.agencies().alias(agencyKey).map(MergeView::of);
  }

  /** The agencies merged into {@code intoKey}, oldest merge first. */
  public List<MergeView> mergedInto(String intoKey) {
    return store.agencies().merged(intoKey).stream().map(MergeView::of).toList();
  }

  /**
   * Merges agency {@code fromKey} into {@code intoKey}, or finishes a merge of them cut short; a merge already done
   * is answered as it is. Refused when either has no report, when {@code intoKey} is itself merged into another,
   * {@code fromKey} merged elsewhere or has agencies merged into it, or both have a report of the same year.
   */
  public MergeView merge(String fromKey, String intoKey, String by, String reason) {
    if (fromKey.equals(intoKey)) {
      throw new Refused(Refused.Code.SAME_AGENCY, "an agency cannot be merged into itself");
    }
    AgencyAlias alias = store.agencies().alias(fromKey).orElse(null);
    if (alias != null && !alias.intoKey().equals(intoKey)) {
      throw new Refused(Refused.Code.ALREADY_MERGED, "agency " + fromKey + " is merged into " + alias.intoKey()
          + ": split it from there first");
    }
    if (alias != null && AgencyAlias.SPLITTING.equals(alias.state())) {
      throw new Refused(Refused.Code.SPLITTING, "the merge of " + fromKey + " into " + intoKey
          + " is being split: finish the split first (ask for it again)");
    }
    if (alias == null) {
      alias = begin(fromKey, intoKey, by, reason);
    }
    if (AgencyAlias.MERGED.equals(alias.state())) {
      return MergeView.of(alias);
    }
    Set<String> moved = new LinkedHashSet<>(alias.reports());
    List<Integer> conflicts = new ArrayList<>();
    for (AgencyYear y : store.agencies().years(fromKey)) {
      ReportWriter.Outcome o = writer.apply(new Change.Rehome(y.reportId(), fromKey, intoKey, false, by,
          alias.reason()));
      if (o.result() == WriteResult.YEAR_TAKEN) {
        conflicts.add(y.year());
      } else if (o.result() == WriteResult.REHOMED || o.result() == WriteResult.UNCHANGED) {
        moved.add(y.reportId());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new Refused(Refused.Code.YEARS_CONFLICT, "both agencies have a report of " + years(conflicts)
          + " (uploaded while the merge was under way): delete the wrong one, then ask for the merge again",
          conflicts);
    }
    return MergeView.of(finish(alias, AgencyAlias.MERGING, alias.withState(AgencyAlias.MERGED, moved)));
  }

  /**
   * Splits agency {@code fromKey} from the agency it was merged into, or finishes a split cut short: the alias
   * goes, and each report the merge moved, or uploaded since with {@code fromKey} as its own identity, goes back.
   */
  public Optional<MergeView> split(String fromKey, String by) {
    AgencyAlias alias = store.agencies().alias(fromKey).orElse(null);
    if (alias == null) {
      return Optional.empty();
    }
    if (!AgencyAlias.SPLITTING.equals(alias.state())) {
      alias = finish(alias, alias.state(), alias.withState(AgencyAlias.SPLITTING, alias.reports()));
    }
    String intoKey = alias.intoKey();
    List<Integer> conflicts = new ArrayList<>();
    List<ReportHead> back = new ArrayList<>(new BatchReads(store).heads(store.agencies().years(intoKey).stream()
        .map(AgencyYear::reportId).toList()).values());
    // (a report moved by the merge that no year item names any more: its year was taken by another upload)
    Set<String> named = new TreeSet<>(alias.reports());
    back.forEach(h -> named.remove(h.reportId()));
    back.addAll(new BatchReads(store).heads(named).values());
    back.sort(Comparator.comparing(ReportHead::year));
    for (ReportHead h : back) {
      if (!h.rejected() && (alias.reports().contains(h.reportId()) || fromKey.equals(ownAgencyKey(h)))) {
        ReportWriter.Outcome o = writer.apply(new Change.Rehome(h.reportId(), intoKey, fromKey, true, by, null));
        if (o.result() == WriteResult.YEAR_TAKEN) {
          conflicts.add(h.year());
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new Refused(Refused.Code.YEARS_CONFLICT, "agency " + fromKey + " has another report of "
          + years(conflicts) + " (uploaded while the split was under way): delete the wrong one, then ask for the"
          + " split again", conflicts);
    }
    transact(List.of(delete(alias, AgencyAlias.SPLITTING), delete(alias.counterpart(), AgencyAlias.SPLITTING)));
    return Optional.of(MergeView.of(alias.withState(null, alias.reports())));
  }

  /** The key of the agency a report's head names as printed, before any merge (core's {@code AgencyIdentity}). */
  static String ownAgencyKey(ReportHead h) {
    if (h.agency() == null || Identity.normaliseAgency(h.agency()).isEmpty()) {
      return null;
    }
    return Identity.agencyKey(AgencyIdentity.of(h.agency(), new Region(h.regionCode(), h.province(), h.city(),
        h.county())));
  }

  /** The checks before anything is written, and the alias with its listing in one transaction. */
  private AgencyAlias begin(String fromKey, String intoKey, String by, String reason) {
    AgencyAlias intoAlias = store.agencies().alias(intoKey).orElse(null);
    if (intoAlias != null && intoAlias.followed()) {
      throw new Refused(Refused.Code.INTO_MERGED, "agency " + intoKey + " is itself merged into "
          + intoAlias.intoKey() + ": merge into that one");
    }
    if (!store.agencies().merged(fromKey).isEmpty()) {
      throw new Refused(Refused.Code.HAS_MERGED, "other agencies are merged into " + fromKey
          + ": split them from it first, or merge them into " + intoKey + " directly");
    }
    List<AgencyYear> from = store.agencies().years(fromKey);
    List<AgencyYear> into = store.agencies().years(intoKey);
    if (from.isEmpty() || into.isEmpty()) {
      throw new Refused(Refused.Code.NOT_FOUND, "agency " + (from.isEmpty() ? fromKey : intoKey)
          + " has no report");
    }
    Set<Integer> intoYears = new TreeSet<>();
    into.forEach(y -> intoYears.add(y.year()));
    List<Integer> both = from.stream().map(AgencyYear::year).filter(intoYears::contains).sorted().toList();
    if (!both.isEmpty()) {
      throw new Refused(Refused.Code.YEARS_CONFLICT, "both agencies have a report of " + years(both)
          + ": an agency has one report a year, so delete the wrong one of each year first", both);
    }
    Set<String> reports = new LinkedHashSet<>();
    from.forEach(y -> reports.add(y.reportId()));
    AgencyAlias alias = new AgencyAlias(false, fromKey, intoKey, AgencyAlias.MERGING,
        from.get(from.size() - 1).agency(), by, Timestamps.iso(clock.instant()), reason, reports);
    Map<String, AttributeValue> noAlias = Map.of(":none", AttributeValue.fromS(AgencyAlias.SPLITTING));
    try {
      transact(List.of(
          TransactWriteItem.builder().put(Put.builder().tableName(store.tableName())
              .item(AgencyAlias.SCHEMA.itemToMap(alias, true))
              .conditionExpression("attribute_not_exists(pk)").build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(store.tableName())
              .item(AgencyAlias.SCHEMA.itemToMap(alias.counterpart(), true)).build()).build(),
          // the agency merged into must not be merged away meanwhile
          TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(store.tableName())
              .key(Keys.of(Keys.agency(intoKey), Keys.ALIAS))
              .conditionExpression("attribute_not_exists(pk) OR #state = :none")
              .expressionAttributeNames(Map.of("#state", "state")).expressionAttributeValues(noAlias)
              .build()).build()));
    } catch (TransactionCanceledException e) {
      throw new Refused(Refused.Code.ALREADY_MERGED, "another merge of " + fromKey + " or " + intoKey
          + " was made at the same time: look again");
    }
    return alias;
  }

  /** Both items of the merge at {@code next}, if they are still at state {@code was}. */
  private AgencyAlias finish(AgencyAlias alias, String was, AgencyAlias next) {
    List<TransactWriteItem> puts = new ArrayList<>();
    for (AgencyAlias item : List.of(next, next.counterpart())) {
      puts.add(TransactWriteItem.builder().put(Put.builder().tableName(store.tableName())
          .item(AgencyAlias.SCHEMA.itemToMap(item, true)).conditionExpression("#state = :was")
          .expressionAttributeNames(Map.of("#state", "state"))
          .expressionAttributeValues(Map.of(":was", AttributeValue.fromS(was))).build()).build());
    }
    try {
      transact(puts);
    } catch (TransactionCanceledException e) {
      throw new Refused(Refused.Code.SPLITTING, "the merge of " + alias.fromKey() + " changed meanwhile (merged or "
          + "split by someone else): look again");
    }
    return next;
  }

  private TransactWriteItem delete(AgencyAlias item, String was) {
    return TransactWriteItem.builder().delete(Delete.builder().tableName(store.tableName())
        .key(Keys.of(item.pk(), item.sk())).conditionExpression("attribute_not_exists(pk) OR #state = :was")
        .expressionAttributeNames(Map.of("#state", "state"))
        .expressionAttributeValues(Map.of(":was", AttributeValue.fromS(was))).build()).build();
  }

  private void transact(List<TransactWriteItem> items) {
    store.dynamo().transactWriteItems(t -> t.transactItems(items));
  }

  private static String years(List<Integer> years) {
    return years.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
  }
}

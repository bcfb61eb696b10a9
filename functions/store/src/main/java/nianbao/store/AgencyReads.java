package nianbao.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.store.item.AgencyAlias;
import nianbao.store.item.AgencyYear;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * An agency's reports: its year items ({@link AgencyYear}, one Query of {@code A#<agencyKey>}) name the report of
 * each year; a year without one (a report stored before agencies were identities, not yet reprocessed) is looked
 * for under {@code <agencyKey>-<year>}, as before. Then one BatchGetItem of the heads.
 */
public final class AgencyReads {
  private final ReportStore store;
  private final DynamoDbTable<AgencyYear> years;
  private final DynamoDbTable<AgencyAlias> aliases;
  private final DynamoDbEnhancedClient enhanced;

  AgencyReads(ReportStore store, DynamoDbEnhancedClient enhanced) {
    this.store = store;
    this.enhanced = enhanced;
    this.years = enhanced.table(store.tableName(), AgencyYear.SCHEMA);
    this.aliases = enhanced.table(store.tableName(), AgencyAlias.SCHEMA);
  }

  /** The agency's year item of {@code year}, strongly consistent (the write path reads it so). */
  public Optional<AgencyYear> year(String agencyKey, int year) {
    return Optional.ofNullable(years.getItem(r -> r.key(ReportStore.key(Keys.agency(agencyKey),
        Keys.agencyYear(year))).consistentRead(true)));
  }

  /** Every year item of the agency, oldest first (strongly consistent: merges read them to move them). */
  public List<AgencyYear> years(String agencyKey) {
    List<AgencyYear> out = new ArrayList<>();
    years.query(q -> q.consistentRead(true).queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(
        Keys.agency(agencyKey)).sortValue(Keys.AGENCY_YEAR_PREFIX)))).items().forEach(out::add);
    out.sort(Comparator.comparingInt(AgencyYear::year));
    return out;
  }

  /** The alias of an agency an administrator merged into another (strongly consistent), if any. */
  public Optional<AgencyAlias> alias(String agencyKey) {
    return Optional.ofNullable(aliases.getItem(r -> r.key(ReportStore.key(Keys.agency(agencyKey), Keys.ALIAS))
        .consistentRead(true)));
  }

  /**
   * Of {@code agencyKeys}, the agencies merged into another (their aliases while the merge is under way or done),
   * to the canonical agency's key: BatchGetItem of their alias items, 100 keys a request, eventually consistent.
   */
  public Map<String, String> mergedInto(Collection<String> agencyKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(agencyKeys));
    for (int from = 0; from < keys.size(); from += 100) {
      var batch = ReadBatch.builder(AgencyAlias.class).mappedTableResource(aliases);
      keys.subList(from, Math.min(keys.size(), from + 100))
          .forEach(k -> batch.addGetItem(ReportStore.key(Keys.agency(k), Keys.ALIAS)));
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(aliases).forEach(a -> {
        if (a.followed()) {
          out.put(a.fromKey(), a.intoKey());
        }
      });
    }
    return out;
  }

  /** The agencies merged into {@code intoKey} (their listings in its partition: one Query), oldest merge first. */
  public List<AgencyAlias> merged(String intoKey) {
    List<AgencyAlias> out = new ArrayList<>();
    aliases.query(q -> q.consistentRead(true).queryConditional(QueryConditional.sortBeginsWith(k -> k
        .partitionValue(Keys.agency(intoKey)).sortValue(Keys.MERGED_PREFIX)))).items().forEach(out::add);
    out.sort(Comparator.comparing(AgencyAlias::at));
    return out;
  }

  /** The id of the agency's report of {@code year}: its year item's, else the key's own id (none stored maybe). */
  public String reportId(String agencyKey, int year) {
    return year(agencyKey, year).map(AgencyYear::reportId).orElse(Identity.reportId(agencyKey, year));
  }

  /** The agency's reports of {@code fromYear}…{@code toYear}, oldest first. */
  public List<ReportHead> heads(String agencyKey, int fromYear, int toYear) {
    Map<Integer, String> ids = new LinkedHashMap<>();
    for (int y = fromYear; y <= toYear; y++) {
      ids.put(y, Identity.reportId(agencyKey, y));
    }
    for (AgencyYear y : years(agencyKey)) {
      if (y.year() >= fromYear && y.year() <= toYear) {
        ids.put(y.year(), y.reportId());
      }
    }
    List<ReportHead> found = new ArrayList<>(new BatchReads(store).heads(ids.values()).values());
    // (a report whose id names this agency but that a merge moved to another is that one's now)
    found.removeIf(h -> h.agencyKey() != null && !h.agencyKey().equals(agencyKey));
    found.sort(Comparator.comparing(ReportHead::year));
    return found;
  }
}

package nianbao.store.lists;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.store.Identity;
import nianbao.store.ListFilter;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.UnsupportedFilterException;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ListScopes;
import nianbao.store.item.RuleFindings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Every list of reports: any combination of filters, in any {@link ListSort}, paged by cursor.
 *
 * <p>Year and region pick the scope — one partition of one existing index ({@link ListScopes}); a rule picks the
 * rule's items ({@code F|<rule>}) in newest order, otherwise the order's list entries ({@code L|<sort>}). Status
 * and level are the head of the sort key ({@code <status>#<level>#<position>}): given, they are a key range;
 * not given, the ranges of each value are read side by side and merged in order — at most 9 ranges
 * ({@link #streams}). What no key answers (agency anywhere in the name; a rule in an order other than newest)
 * or the review state, is a filter on the items read, and a page stops after a read budget (a few times {@code limit}) with a short
 * page and a cursor rather than reading on: every request reads a bounded number of items, whatever the table
 * holds. Costs measured: functions/store/README.md, "Lists".
 */
public final class ListReader {
  private static final List<String> STATUSES = List.of("VALID", "HAS_ERRORS", "REJECTED");

  private final DynamoDbClient dynamo;
  private final String table;

  public ListReader(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * A page of {@code limit} rows at most (fewer when a filter the keys cannot answer used up the read budget;
   * the cursor then goes on), null cursor on the last page.
   *
   * @throws UnsupportedFilterException for a county or city without its province
   * @throws IllegalArgumentException for a malformed cursor or one of another list
   */
  public Page<ReportRow> list(ListFilter f, ListSort sort, int limit, String cursor) {
    boolean ruleItems = f.rule() != null && sort == ListSort.NEWEST;
    String family = ruleItems ? RuleFindings.family(f.rule()) : ListEntry.family(sort.code());
    return read(f, family, family, "", sort.descending(), ruleItems, limit, cursor);
  }

  /**
   * A page of a ranking: the reports of a year and region in the order {@code by} — most errors, or an indicator's
   * share — highest first, or lowest first when {@code ascending}. By an indicator only the reports it ranks (known,
   * over at least ten cases): one key range per status and level ({@link ListSort#RANKED}), never a filter.
   *
   * @throws IllegalArgumentException for a filter other than year and region, or a cursor of another ranking
   */
  public Page<ReportRow> ranking(ListFilter f, ListSort by, boolean ascending, int limit, String cursor) {
    if (f.status() != null || f.rule() != null || f.agency() != null || f.level() != null) {
      throw new IllegalArgumentException("a ranking is of a year and region only");
    }
    if (by != ListSort.ERRORS && by.indicator() == null) {
      throw new IllegalArgumentException("ranked by errors or an indicator, not " + by.code());
    }
    String family = ListEntry.family(by.code());
    String within = by.indicator() == null ? "" : ListSort.RANKED + "#";
    return read(f, family, "R|" + by.code() + "|" + (ascending ? "asc" : "desc"), within, !ascending, false, limit,
        cursor);
  }

  /**
   * @param family       the items' scope family ({@code L|<sort>} or {@code F|<rule>})
   * @param cursorFamily what a cursor of this list names, so that a cursor of another list is refused
   * @param within       a part of the sort key after status and level that every item read starts with
   */
  private Page<ReportRow> read(ListFilter f, String family, String cursorFamily, String within, boolean descending,
      boolean ruleItems, int limit, String cursor) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1…1000");
    }
    if ((f.city() != null || f.county() != null) && f.province() == null) {
      throw new UnsupportedFilterException(f.describe() + "（city、county 需要同时给出 province）");
    }
    int depth = f.county() != null ? 3 : f.city() != null ? 2 : f.province() != null ? 1 : 0;
    String partition = ListScopes.key(family, f.year(), depth, f.province(), f.city(), f.county());
    String index = ListScopes.index(f.year() != null, depth);
    String attribute = ListScopes.attribute(f.year() != null, depth);
    Filter filter = Filter.of(f, ruleItems);
    ListCursor start = ListCursor.decode(cursor, cursorFamily);
    List<Stream> streams = new ArrayList<>();
    for (String prefix : streams(f, depth)) {
      streams.add(new Stream(index, attribute, partition, prefix + within, descending,
          start == null ? null : start.position()));
    }
    if (streams.isEmpty()) {
      return new Page<>(List.of(), null); // a rejected upload has no year, region or level
    }
    // unfiltered, a range yields what it reads: small chunks keep the merge's over-read small; filtered, a
    // whole limit per request keeps the number of requests down
    int chunk = filter != null ? limit : Math.min(limit, Math.max(10, (2 * limit + streams.size() - 1) / streams.size()));
    int budget = 4 * limit;
    Merge merge = new Merge(streams, descending, filter, chunk, budget);
    List<ReportRow> rows = new ArrayList<>();
    String position = merge.fill(rows, limit, ruleItems);
    return new Page<>(rows, position == null ? null : new ListCursor(cursorFamily, position).encode());
  }

  /** The key ranges to merge: {@code <status>#<level>#} for each status and level the filter leaves open. */
  static List<String> streams(ListFilter f, int depth) {
    List<String> statuses = f.status() != null ? List.of(f.status())
        // a rejected upload has no year, no region and no review state
        : f.year() != null || depth > 0 || f.review() != null ? STATUSES.subList(0, 2) : STATUSES;
    List<String> levels = f.level() != null ? List.of(f.level())
        : ListScopes.LEVELS.subList(depth == 0 ? 0 : depth - 1, depth == 0 ? 4 : 3);
    List<String> out = new ArrayList<>();
    for (String status : statuses) {
      for (String level : levels) {
        if (status.equals("REJECTED") && !level.equals("NONE")) {
          continue;
        }
        out.add(status + "#" + level + "#");
      }
    }
    return out;
  }

  /** What a page filters on the items read: agency (anywhere in the name), a rule in another order, review state. */
  record Filter(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    static Filter of(ListFilter f, boolean ruleItems) {
      List<String> parts = new ArrayList<>();
      Map<String, String> names = new HashMap<>();
      Map<String, AttributeValue> values = new HashMap<>();
      if (f.agency() != null) {
        String norm = Identity.normaliseAgency(f.agency());
        if (norm.isEmpty()) {
          throw new IllegalArgumentException("agency is empty once normalised");
        }
        parts.add("contains(#an, :an)");
        names.put("#an", "agencyNorm");
        values.put(":an", AttributeValue.fromS(norm));
      }
      if (f.rule() != null && !ruleItems) {
        parts.add("contains(#ru, :ru)");
        names.put("#ru", "ruleIds");
        values.put(":ru", AttributeValue.fromS(f.rule()));
      }
      if (f.review() != null) {
        // list entries and rule items both carry the report's review state
        parts.add("#rv = :rv");
        names.put("#rv", "reviewState");
        values.put(":rv", AttributeValue.fromS(f.review()));
      }
      return parts.isEmpty() ? null : new Filter(String.join(" AND ", parts), names, values);
    }
  }

  /** One key range of the scope, read forwards in its order in chunks. */
  final class Stream {
    final ArrayDeque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    private final String index;
    private final String attribute;
    private final String partition;
    private final String prefix;
    private final boolean descending;
    private final String resumeAfter;
    private Map<String, AttributeValue> lastKey;
    boolean exhausted;
    boolean fetched;
    /** The position of the last item evaluated (read, kept or filtered out). */
    String frontier;

    Stream(String index, String attribute, String partition, String prefix, boolean descending,
        String resumeAfter) {
      this.index = index;
      this.attribute = attribute;
      this.partition = partition;
      this.prefix = prefix;
      this.descending = descending;
      this.resumeAfter = resumeAfter;
      this.frontier = resumeAfter;
    }

    String position(Map<String, AttributeValue> item) {
      return item.get("ord").s().substring(prefix.length());
    }

    /** Reads the next chunk; returns the number of items evaluated. */
    int fetch(int chunk, Filter filter) {
      String low = prefix;
      // every position of this range sorts before the prefix with its last '#' raised to '$'
      String high = prefix.substring(0, prefix.length() - 1) + "$";
      if (resumeAfter != null) {
        if (descending) {
          high = prefix + resumeAfter;
        } else {
          low = prefix + resumeAfter;
        }
      }
      // the range's bound is inclusive: resumed, its first read meets the item resumed after again and skips it —
      // one more item, or a chunk of one would read nothing new and the page never move on
      boolean firstOfResumed = resumeAfter != null && !fetched;
      Map<String, String> names = new HashMap<>(Map.of("#h", attribute, "#o", "ord"));
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":h", AttributeValue.fromS(partition),
          ":lo", AttributeValue.fromS(low), ":hi", AttributeValue.fromS(high)));
      QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(index)
          .keyConditionExpression("#h = :h AND #o BETWEEN :lo AND :hi").scanIndexForward(!descending)
          .limit(firstOfResumed ? chunk + 1 : chunk).exclusiveStartKey(lastKey).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
      if (filter != null) {
        names.putAll(filter.names());
        values.putAll(filter.values());
        q.filterExpression(filter.expression());
      }
      QueryResponse r = dynamo.query(q.expressionAttributeNames(names).expressionAttributeValues(values).build());
      fetched = true;
      for (Map<String, AttributeValue> item : r.items()) {
        if (!position(item).equals(resumeAfter)) {
          buffer.add(item);
        }
      }
      lastKey = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      exhausted = lastKey == null;
      if (lastKey != null) {
        frontier = lastKey.get("ord").s().substring(prefix.length());
      }
      return r.scannedCount() == null ? r.count() : r.scannedCount();
    }
  }
}

package nianbao.store.lists;

import java.util.List;
import java.util.Map;
import nianbao.store.ReportRow;
import nianbao.store.item.ListEntry;
import nianbao.store.item.RuleFindings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merges the key ranges of a list in order. An item is taken only when no range can still hold one before it: a
 * range with nothing buffered is read on first; once the read budget is spent, the page ends at the earliest
 * position every range has been read to.
 */
final class Merge {
  private final List<ListReader.Stream> streams;
  private final boolean descending;
  private final ListReader.Filter filter;
  private final int chunk;
  private final int budget;
  private int evaluated;

  Merge(List<ListReader.Stream> streams, boolean descending, ListReader.Filter filter, int chunk, int budget) {
    this.streams = streams;
    this.descending = descending;
    this.filter = filter;
    this.chunk = chunk;
    this.budget = budget;
  }

  /** Adds up to {@code limit} rows; returns the position to resume after, or null when the list is done. */
  String fill(List<ReportRow> rows, int limit, boolean ruleItems) {
    String last = null;
    while (true) {
      if (rows.size() == limit) {
        boolean done = streams.stream().allMatch(s -> s.exhausted && s.buffer.isEmpty());
        return done ? null : last;
      }
      for (ListReader.Stream s : streams) {
        // every range is read once per page whatever the budget, so that each page moves on
        while (s.buffer.isEmpty() && !s.exhausted && (!s.fetched || evaluated < budget)) {
          evaluated += s.fetch(chunk, filter);
        }
      }
      // a range with nothing buffered holds nothing up to where it was read, and is unknown beyond
      String bound = null;
      for (ListReader.Stream s : streams) {
        if (s.buffer.isEmpty() && !s.exhausted && (bound == null || before(s.frontier, bound))) {
          bound = s.frontier;
        }
      }
      ListReader.Stream next = next();
      if (next == null || bound != null && before(bound, next.position(next.buffer.peek()))) {
        // the end of the list, or the budget is spent: the next page resumes after what is decided
        return bound;
      }
      last = take(next, rows, ruleItems);
    }
  }

  private String take(ListReader.Stream s, List<ReportRow> rows, boolean ruleItems) {
    Map<String, AttributeValue> item = s.buffer.poll();
    rows.add(ruleItems ? ReportRow.of(RuleFindings.SCHEMA.mapToItem(item))
        : ReportRow.of(ListEntry.SCHEMA.mapToItem(item)));
    return s.position(item);
  }

  /** The range whose buffered head comes first, or null when every buffer is empty. */
  private ListReader.Stream next() {
    ListReader.Stream best = null;
    for (ListReader.Stream s : streams) {
      if (!s.buffer.isEmpty() && (best == null
          || before(s.position(s.buffer.peek()), best.position(best.buffer.peek())))) {
        best = s;
      }
    }
    return best;
  }

  /** Whether position {@code a} comes before {@code b} in the order (code point order is DynamoDB's byte order). */
  boolean before(String a, String b) {
    int c = compareCodePoints(a, b);
    return descending ? c > 0 : c < 0;
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}

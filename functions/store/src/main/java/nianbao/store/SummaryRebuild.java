package nianbao.store;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nianbao.core.model.Report;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes every summary item again from the current reports: after a change to what a summary counts (a new
 * counter, a corrected sum) the stored items are only exact for what was counted with it, since a report's share
 * is recomputed when it is taken away. Reads every head (the newest-first index, which holds whole heads) and
 * its current report in batches, sums {@link SummaryCounts}s per scope in memory, then replaces each summary item whole and deletes
 * those of scopes no report counts in any more (found by a scan of the summary keys: an operator's command, not a
 * request path). The root item keeps its list of processing versions.
 *
 * <p>The lists are written again too (list entries and rule items, whose keys a format change may move). Heads
 * stored before review states existed are given theirs first ({@link ReviewStateMigration}), so the summaries and
 * the lists count them by state.
 *
 * <p>Uploads must be paused while it runs (in AWS, the ingest function's reserved concurrency set to 0): a report
 * stored between the reading and the writing would be missing from the rewritten summaries.
 */
public final class SummaryRebuild {
  private static final int PAGE = 500;

  private final ReportStore store;
  private final BatchReads reads;
  private final BatchWriter writer;
  private final Clock clock;

  public SummaryRebuild(ReportStore store) {
    this(store, Clock.systemUTC());
  }

  public SummaryRebuild(ReportStore store, Clock clock) {
    this.store = store;
    this.reads = new BatchReads(store);
    this.writer = new BatchWriter(store.dynamo(), store.tableName());
    this.clock = clock;
  }

  /**
   * What was done: reports counted, summary items written, and items removed; {@code listItems} the list entries
   * and rule items written again ({@link nianbao.store.lists.ListRebuild}); {@code reviewStates} the heads stored
   * before review states existed that were given theirs ({@link ReviewStateMigration}).
   */
  public record Result(long reports, int written, int removed, int listItems, int reviewStates) {}

  public Result run() {
    Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
    long reports = 0;
    ReviewStateMigration states = new ReviewStateMigration(store);
    String cursor = null;
    do {
      Page<ReportHead> page = store.allHeads(PAGE, cursor);
      Map<String, Report> current = reads.currentReports(page.items().stream().map(ReportView::of).toList());
      for (ReportHead stored : page.items()) {
        // the summaries count a version's own findings through the head's counts, and its tables
        Report report = current.get(stored.reportId());
        ReportHead head = states.apply(stored, report);
        if (!head.rejected() && report == null) {
          throw new IllegalStateException("report " + head.reportId() + " has no current version to count");
        }
        SummaryCounts.addTo(sums, head, report, 1);
        reports++;
      }
      cursor = page.cursor();
    } while (cursor != null);

    String root = Keys.summary(null, null, null);
    List<String> procKeys = store.processingVersions();
    String now = Timestamps.iso(Instant.now(clock));
    List<WriteRequest> writes = new ArrayList<>();
    sums.computeIfAbsent(root, k -> new HashMap<>());
    sums.forEach((scope, sum) -> {
      Map<String, AttributeValue> item = new HashMap<>(Keys.of(scope, Keys.SUMMARY));
      sum.forEach((name, value) -> {
        if (value.signum() != 0) {
          item.put(name, AttributeValue.fromN(value.toPlainString()));
        }
      });
      item.put("updatedAt", AttributeValue.fromS(now));
      if (scope.equals(root) && !procKeys.isEmpty()) {
        item.put("procKeys", AttributeValue.fromSs(new ArrayList<>(new LinkedHashSet<>(procKeys))));
      }
      writes.add(BatchWriter.put(item));
    });
    Set<String> stale = new HashSet<>(summaryScopes());
    stale.removeAll(sums.keySet());
    stale.forEach(scope -> writes.add(BatchWriter.delete(Keys.of(scope, Keys.SUMMARY))));
    writer.write(writes);
    int listItems = new nianbao.store.lists.ListRebuild(store).run();
    return new Result(reports, sums.size(), stale.size(), listItems, states.migrated);
  }

  /** The partition keys of every summary item stored. */
  private List<String> summaryScopes() {
    List<String> scopes = new ArrayList<>();
    store.dynamo().scanPaginator(r -> r.tableName(store.tableName()).filterExpression("#sk = :sum")
        .projectionExpression("#pk").expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
        .expressionAttributeValues(Map.of(":sum", AttributeValue.fromS(Keys.SUMMARY))))
        .items().forEach(item -> scopes.add(item.get(Keys.PK).s()));
    return scopes;
  }
}

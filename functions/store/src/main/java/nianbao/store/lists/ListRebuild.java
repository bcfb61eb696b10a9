package nianbao.store.lists;

import java.util.ArrayList;
import java.util.List;
import nianbao.store.BatchWriter;
import nianbao.store.IndicatorFigures;
import nianbao.store.Page;
import nianbao.store.ReportStore;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.RuleFindingsBuilder;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes every report's list items again from its head: its list entries, and its rule items through today's
 * schema (their scope keys and sort key) with the report's rules. A table written before lists took any combination (2026-12, issue 15)
 * has neither; {@code rebuild-summaries} runs this after the summaries. An operator's command with uploads
 * paused, like the summary rebuild: one query per report for its rule items, batches of 25 writes. A head written
 * before indicators were kept gets them (its current body read once).
 */
public final class ListRebuild {
  private static final int PAGE = 500;

  private final ReportStore store;
  private final BatchWriter writer;

  public ListRebuild(ReportStore store) {
    this.store = store;
    this.writer = new BatchWriter(store.dynamo(), store.tableName());
  }

  /** Returns the number of items written. */
  public int run() {
    int written = 0;
    String cursor = null;
    do {
      Page<ReportHead> page = store.allHeads(PAGE, cursor);
      List<WriteRequest> writes = new ArrayList<>();
      for (ReportHead read : page.items()) {
        ReportHead head = withIndicators(read);
        if (head != read) {
          writes.add(BatchWriter.put(ReportHead.SCHEMA.itemToMap(head, true)));
        }
        ListEntries.of(head).forEach(e -> writes.add(BatchWriter.put(ListEntry.SCHEMA.itemToMap(e, true))));
        if (!head.rejected()) {
          for (RuleFindings r : store.ruleFindings(head.reportId())) {
            RuleFindings current = RuleFindingsBuilder.builder(r).reportRules(head.ruleIds())
                .reviewState(head.reviewState()).reportIndicators(head.indicators()).build();
            writes.add(BatchWriter.put(RuleFindings.SCHEMA.itemToMap(current, true)));
          }
        }
      }
      writer.write(writes);
      written += writes.size();
      cursor = page.cursor();
    } while (cursor != null);
    return written;
  }

  /**
   * A head written before indicators were kept, with them (from its current report, corrected); others as they are.
   * Written back as read otherwise (same revision): uploads are paused while this runs.
   */
  private ReportHead withIndicators(ReportHead head) {
    if (head.rejected() || head.indicators() != null) {
      return head;
    }
    var report = store.report(head.reportId());
    return report.isEmpty() ? head
        : nianbao.store.item.ReportHeadBuilder.builder(head).indicators(IndicatorFigures.of(report.get())).build();
  }
}

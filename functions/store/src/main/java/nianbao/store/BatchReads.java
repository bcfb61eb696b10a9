package nianbao.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Report;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * Many reports at once, for exports: heads and current bodies by key with BatchGetItem (100 keys a request;
 * unprocessed keys are fetched again by the Enhanced Client's pages), never a query per report. Eventually
 * consistent reads: an export is a snapshot, and they cost half.
 */
public final class BatchReads {
  private static final int BATCH = 100;
  private final ReportStore store;
  private final DynamoDbEnhancedClient enhanced;

  public BatchReads(ReportStore store) {
    this.store = store;
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(store.dynamo()).build();
  }

  /** The reports of {@code reportIds} that exist, by report id, in the order asked. */
  public Map<String, ReportView> reports(Collection<String> reportIds) {
    Map<String, ReportView> out = new LinkedHashMap<>();
    heads(reportIds).forEach((id, h) -> out.put(id, ReportView.of(h)));
    return out;
  }

  /** The heads of {@code reportIds} that exist, by report id, in the order asked. */
  public Map<String, ReportHead> heads(Collection<String> reportIds) {
    Map<String, ReportHead> found = new HashMap<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(reportIds));
    for (int from = 0; from < ids.size(); from += BATCH) {
      var batch = ReadBatch.builder(ReportHead.class).mappedTableResource(store.heads);
      ids.subList(from, Math.min(ids.size(), from + BATCH))
          .forEach(id -> batch.addGetItem(ReportStore.key(Keys.report(id), Keys.HEAD)));
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(store.heads)
          .forEach(h -> found.put(h.reportId(), h));
    }
    Map<String, ReportHead> ordered = new LinkedHashMap<>();
    for (String id : ids) {
      if (found.containsKey(id)) {
        ordered.put(id, found.get(id));
      }
    }
    return ordered;
  }

  /**
   * The current report of each readable head (its version's body, with the head's cross-year findings), by report
   * id; rejected heads have none.
   */
  public Map<String, Report> currentReports(Collection<ReportView> reports) {
    List<ReportView> readable = reports.stream().filter(h -> !h.rejected() && h.currentSha256() != null).toList();
    Map<String, ReportView> byId = new HashMap<>();
    readable.forEach(h -> byId.put(h.id(), h));
    Map<String, Report> out = new HashMap<>();
    for (int from = 0; from < readable.size(); from += BATCH) {
      var batch = ReadBatch.builder(ReportVersion.class).mappedTableResource(store.versions);
      readable.subList(from, Math.min(readable.size(), from + BATCH))
          .forEach(h -> batch.addGetItem(ReportStore.key(Keys.report(h.id()), Keys.version(h.currentSha256()))));
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(store.versions).forEach(v -> {
        ReportView h = byId.get(v.reportId());
        if (h != null && v.sha256().equals(h.currentSha256())) {
          // a report reviewers corrected or dismissed findings of is served as reviewed (one more read each)
          out.put(v.reportId(), h.reviewed() ? ReportStore.reviewed(store.body(v), h,
              nianbao.store.review.ReviewState.of(store.review(h.id()))).report()
              : ReportStore.withCrossFindings(store.body(v), h.crossYearFindings()));
        }
      });
    }
    return out;
  }
}

package nianbao.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nianbao.core.model.Report;
import nianbao.store.Identity;
import nianbao.store.write.ReportWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table with many stored reports quickly, to measure what a write costs among them: one report of a
 * filler agency is stored through the one write path, then its items — head, version, rule items, list entries,
 * agency year — are copied under new agency keys with BatchWriteItem (25 items a request, four threads). Each copy
 * is a report of its own agency (its own id and partition) in the index partitions the original is filed in, as a
 * real report of that scope would be. The summaries are not added to: what they hold does not change a write's
 * requests.
 */
final class StoredReportsFill {
  private final DynamoDbClient dynamo;
  private final String table;
  private final String agencyKey;
  private final List<Map<String, AttributeValue>> items = new ArrayList<>();
  private int filled;

  /** Stores {@code template} (a report of its own agency) and reads the items a copy is made of. */
  StoredReportsFill(ApiStack stack, Report template) {
    this.dynamo = stack.dynamo;
    this.table = stack.table;
    ReviewWritesTest.store(new ReportWriter(stack.store), template, 999_999);
    Identity id = Identity.of(template, template.source().sha256());
    this.agencyKey = id.agencyKey();
    for (String pk : List.of("R#" + id.reportId(), "A#" + agencyKey)) {
      dynamo.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).consistentRead(true).build())
          .items().forEach(items::add);
    }
    filled = 1;
  }

  /** Reports stored so far by this fill (the template counts). */
  int filled() {
    return filled;
  }

  /** Copies of the template until this fill has stored {@code total} reports. */
  void fillTo(int total) throws Exception {
    List<WriteRequest> puts = new ArrayList<>();
    for (int i = filled; i < total; i++) {
      String key = String.format("f%015x", i);
      for (Map<String, AttributeValue> item : items) {
        puts.add(WriteRequest.builder().putRequest(p -> p.item(renamed(item, key))).build());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int from = 0; from < puts.size(); from += 25) {
      List<WriteRequest> batch = puts.subList(from, Math.min(from + 25, puts.size()));
      done.add(pool.submit(() -> write(batch)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    filled = Math.max(filled, total);
  }

  private void write(List<WriteRequest> batch) {
    List<WriteRequest> pending = batch;
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> ask = Map.of(table, pending);
      BatchWriteItemResponse r = dynamo.batchWriteItem(b -> b.requestItems(ask));
      pending = r.unprocessedItems().getOrDefault(table, List.of());
    }
  }

  /** The item with the template's agency key (in its report id, keys and index keys) replaced by {@code key}. */
  private Map<String, AttributeValue> renamed(Map<String, AttributeValue> item, String key) {
    Map<String, AttributeValue> out = new HashMap<>();
    item.forEach((name, value) -> out.put(name, renamed(value, key)));
    return out;
  }

  private AttributeValue renamed(AttributeValue value, String key) {
    if (value.s() != null) {
      return AttributeValue.fromS(value.s().replace(agencyKey, key));
    } else if (value.hasSs()) {
      return AttributeValue.fromSs(value.ss().stream().map(s -> s.replace(agencyKey, key)).toList());
    }
    return value;
  }
}

package nianbao.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in groups of 25, sending back what DynamoDB returns as unprocessed with exponential backoff and
 * full jitter until all is written or the attempts run out (then it fails loudly: nothing is silently dropped).
 */
public final class BatchWriter {
  private static final int MAX_BATCH = 25;
  private final DynamoDbClient dynamo;
  private final String table;
  private final int maxAttempts;
  private final long baseDelayMillis;

  public BatchWriter(DynamoDbClient dynamo, String table) {
    this(dynamo, table, 10, 25);
  }

  public BatchWriter(DynamoDbClient dynamo, String table, int maxAttempts, long baseDelayMillis) {
    this.dynamo = dynamo;
    this.table = table;
    this.maxAttempts = maxAttempts;
    this.baseDelayMillis = baseDelayMillis;
  }

  public static WriteRequest put(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  public static WriteRequest delete(Map<String, AttributeValue> key) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
  }

  /** Writes all requests; returns the number of BatchWriteItem calls made. */
  public int write(List<WriteRequest> requests) {
    int calls = 0;
    for (int from = 0; from < requests.size(); from += MAX_BATCH) {
      List<WriteRequest> pending = new ArrayList<>(requests.subList(from, Math.min(requests.size(), from + MAX_BATCH)));
      int attempt = 0;
      while (!pending.isEmpty()) {
        if (attempt > 0) {
          Backoff.sleep(baseDelayMillis, attempt);
        }
        if (++attempt > maxAttempts) {
          throw new IllegalStateException(pending.size() + " items still unprocessed after " + maxAttempts
              + " BatchWriteItem attempts on " + table);
        }
        BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, pending)));
        calls++;
        List<WriteRequest> unprocessed = response.hasUnprocessedItems()
            ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
        pending.clear();
        pending.addAll(unprocessed);
      }
    }
    return calls;
  }

}

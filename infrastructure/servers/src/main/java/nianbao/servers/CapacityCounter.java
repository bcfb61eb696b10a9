package nianbao.servers;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Counts a DynamoDB client's requests by operation and adds up the capacity units DynamoDB says each consumed,
 * asking for them ({@code ReturnConsumedCapacity TOTAL}) on every read and write that can report them: what the
 * cost programs and tests measure a change or a read with. Reads are GetItem, BatchGetItem and Query; writes
 * TransactWriteItems and BatchWriteItem.
 */
public final class CapacityCounter implements ExecutionInterceptor {
  private final Map<String, Long> requests = new ConcurrentHashMap<>();
  private final DoubleAdder read = new DoubleAdder();
  private final DoubleAdder write = new DoubleAdder();

  public void clear() {
    requests.clear();
    read.reset();
    write.reset();
  }

  /** The requests sent since the last {@link #clear()}, by operation name. */
  public Map<String, Long> requests() {
    return new TreeMap<>(requests);
  }

  public long total() {
    return requests.values().stream().mapToLong(Long::longValue).sum();
  }

  public double readUnits() {
    return read.sum();
  }

  public double writeUnits() {
    return write.sum();
  }

  @Override
  public String toString() {
    return String.format("%d requests %s, %.1f RCU, %.1f WCU", total(), requests(), readUnits(), writeUnits());
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest c, ExecutionAttributes a) {
    SdkRequest r = c.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (r instanceof GetItemRequest g) {
      return g.toBuilder().returnConsumedCapacity(total).build();
    } else if (r instanceof BatchGetItemRequest g) {
      return g.toBuilder().returnConsumedCapacity(total).build();
    } else if (r instanceof QueryRequest q) {
      return q.toBuilder().returnConsumedCapacity(total).build();
    } else if (r instanceof TransactWriteItemsRequest t) {
      return t.toBuilder().returnConsumedCapacity(total).build();
    } else if (r instanceof BatchWriteItemRequest w) {
      return w.toBuilder().returnConsumedCapacity(total).build();
    }
    return r;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
    requests.merge(a.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1L, Long::sum);
  }

  @Override
  public void afterUnmarshalling(Context.AfterUnmarshalling c, ExecutionAttributes a) {
    SdkResponse r = c.response();
    if (r instanceof GetItemResponse g) {
      add(g.consumedCapacity(), true);
    } else if (r instanceof BatchGetItemResponse g) {
      g.consumedCapacity().forEach(cc -> add(cc, true));
    } else if (r instanceof QueryResponse q) {
      add(q.consumedCapacity(), true);
    } else if (r instanceof TransactWriteItemsResponse t) {
      t.consumedCapacity().forEach(cc -> add(cc, false));
    } else if (r instanceof BatchWriteItemResponse w) {
      w.consumedCapacity().forEach(cc -> add(cc, false));
    }
  }

  private void add(ConsumedCapacity cc, boolean reading) {
    if (cc != null && cc.capacityUnits() != null) {
      (reading ? read : write).add(cc.capacityUnits());
    }
  }
}

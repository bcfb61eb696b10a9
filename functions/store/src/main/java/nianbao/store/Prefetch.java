package nianbao.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What storing a report reads before deciding, in one strongly consistent BatchGetItem instead of a GetItem each:
 * the report's head, its version of these bytes, and the heads of the agency's Y−1 and Y+1 reports. Keys that
 * DynamoDB leaves unprocessed are asked again with backoff; if they stay unprocessed it fails, and the event is
 * retried (nothing is decided on a partial read).
 */
final class Prefetch {
  private static final int MAX_ATTEMPTS = 8;
  private static final long BASE_DELAY_MILLIS = 20;

  private final List<String> headIds;
  private final Map<String, ReportHead> heads;
  private final ReportVersion version;

  private Prefetch(List<String> headIds, Map<String, ReportHead> heads, ReportVersion version) {
    this.headIds = headIds;
    this.heads = heads;
    this.version = version;
  }

  /** Reads the heads of {@code headIds} and the version {@code sha256} of {@code reportId}. */
  static Prefetch read(ReportStore store, List<String> headIds, String reportId, String sha256) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    headIds.forEach(id -> keys.add(Transaction.key(Keys.report(id), Keys.HEAD)));
    keys.add(Transaction.key(Keys.report(reportId), Keys.version(sha256)));
    Map<String, ReportHead> heads = new HashMap<>();
    ReportVersion version = null;
    for (Map<String, AttributeValue> item : get(store, keys)) {
      String sk = item.get(Keys.SK).s();
      if (sk.equals(Keys.HEAD)) {
        ReportHead h = ReportHead.SCHEMA.mapToItem(item);
        heads.put(h.reportId(), h);
      } else {
        version = ReportVersion.SCHEMA.mapToItem(item);
      }
    }
    return new Prefetch(List.copyOf(headIds), heads, version);
  }

  /** Whether the head of {@code reportId} was among those read. */
  boolean covers(String reportId) {
    return headIds.contains(reportId);
  }

  /** A head that was read (empty: it does not exist). */
  Optional<ReportHead> head(String reportId) {
    if (!covers(reportId)) {
      throw new IllegalArgumentException("the head of " + reportId + " was not read");
    }
    return Optional.ofNullable(heads.get(reportId));
  }

  Optional<ReportVersion> version() {
    return Optional.ofNullable(version);
  }

  private static List<Map<String, AttributeValue>> get(ReportStore store, List<Map<String, AttributeValue>> keys) {
    String table = store.tableName();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<Map<String, AttributeValue>> pending = new ArrayList<>(keys);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IllegalStateException(pending.size() + " keys still unprocessed after " + MAX_ATTEMPTS
            + " BatchGetItem attempts on " + table);
      }
      if (attempt > 1) {
        Backoff.sleep(BASE_DELAY_MILLIS, attempt);
      }
      List<Map<String, AttributeValue>> ask = List.copyOf(pending);
      BatchGetItemResponse r = store.dynamo().batchGetItem(b -> b.requestItems(Map.of(table,
          KeysAndAttributes.builder().keys(ask).consistentRead(true).build())));
      items.addAll(r.responses().getOrDefault(table, List.of()));
      pending.clear();
      KeysAndAttributes left = r.hasUnprocessedKeys() ? r.unprocessedKeys().get(table) : null;
      if (left != null && left.hasKeys()) {
        pending.addAll(left.keys());
      }
    }
    return items;
  }

}

package nianbao.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.model.Report;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One change of the store as a single TransactWriteItems: item puts and deletes conditioned on the revisions
 * that were read, and the summary deltas, merged per summary item (a transaction may touch an item once) and
 * written as {@code ADD} updates of only the attributes that change.
 */
final class Transaction {
  private final String table;
  private final List<TransactWriteItem> items = new ArrayList<>();
  private final Map<String, Map<String, BigDecimal>> deltas = new LinkedHashMap<>();
  private final Set<String> procKeys = new LinkedHashSet<>();

  Transaction(String table) {
    this.table = table;
  }

  /** The condition that the head is still as read: absent, or at the same revision. */
  static String expect(ReportHead head) {
    return head == null ? "attribute_not_exists(pk)" : "revision = :rev";
  }

  static Map<String, AttributeValue> expectValues(ReportHead head) {
    return head == null ? null : Map.of(":rev", AttributeValue.fromN(Long.toString(head.revision())));
  }

  void put(Map<String, AttributeValue> item) {
    items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
  }

  void put(Map<String, AttributeValue> item, ReportHead expected) {
    Put.Builder b = Put.builder().tableName(table).item(item).conditionExpression(expect(expected));
    if (expected != null) {
      b.expressionAttributeValues(expectValues(expected));
    }
    items.add(TransactWriteItem.builder().put(b.build()).build());
  }

  void delete(String pk, String sk) {
    items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(pk, sk)).build()).build());
  }

  void delete(String pk, String sk, ReportHead expected) {
    Delete.Builder b = Delete.builder().tableName(table).key(key(pk, sk)).conditionExpression(expect(expected));
    if (expected != null) {
      b.expressionAttributeValues(expectValues(expected));
    }
    items.add(TransactWriteItem.builder().delete(b.build()).build());
  }

  /** Requires a head to be unchanged since it was read (or still absent), without writing it. */
  void check(String reportId, ReportHead expected) {
    ConditionCheck.Builder b = ConditionCheck.builder().tableName(table).key(key(Keys.report(reportId), Keys.HEAD))
        .conditionExpression(expect(expected));
    if (expected != null) {
      b.expressionAttributeValues(expectValues(expected));
    }
    items.add(TransactWriteItem.builder().conditionCheck(b.build()).build());
  }

  /** Adds ({@code sign} 1) or takes away (−1) a report's contribution to each of its summaries. */
  void count(ReportHead head, Report report, int sign) {
    Contribution.addTo(deltas, head, report, sign);
    if (sign > 0) {
      procKeys.add(head.procKey());
    }
  }

  /** Records a processing version in the registry that re-processing starts from. */
  void register(String procKey) {
    procKeys.add(procKey);
  }

  boolean isEmpty() {
    return items.isEmpty() && deltas.values().stream().allMatch(d -> d.values().stream().allMatch(v -> v.signum() == 0))
        && procKeys.isEmpty();
  }

  List<TransactWriteItem> build(String now) {
    List<TransactWriteItem> all = new ArrayList<>(items);
    String root = Keys.summary(null, null, null);
    if (!procKeys.isEmpty()) {
      deltas.computeIfAbsent(root, k -> new LinkedHashMap<>());
    }
    deltas.forEach((scope, d) -> {
      StringBuilder add = new StringBuilder();
      Map<String, String> names = new HashMap<>();
      Map<String, AttributeValue> values = new HashMap<>();
      int i = 0;
      for (Map.Entry<String, BigDecimal> e : d.entrySet()) {
        if (e.getValue().signum() == 0) {
          continue;
        }
        String n = Integer.toString(i++, 36);
        add.append(add.length() == 0 ? "" : ", ").append("#").append(n).append(" :").append(n);
        names.put("#" + n, e.getKey());
        values.put(":" + n, AttributeValue.fromN(e.getValue().toPlainString()));
      }
      if (scope.equals(root) && !procKeys.isEmpty()) {
        add.append(add.length() == 0 ? "" : ", ").append("#procKeys :procKeys");
        names.put("#procKeys", "procKeys");
        values.put(":procKeys", AttributeValue.fromSs(List.copyOf(procKeys)));
      }
      if (add.length() == 0) {
        return;
      }
      names.put("#updatedAt", "updatedAt");
      values.put(":updatedAt", AttributeValue.fromS(now));
      all.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
          .key(key(scope, Keys.SUMMARY))
          .updateExpression("SET #updatedAt = :updatedAt ADD " + add)
          .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
    });
    return all;
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }
}

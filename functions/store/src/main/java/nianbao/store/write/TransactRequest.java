package nianbao.store.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link Writes} as the actions of one TransactWriteItems: items through their schemas, conditions on the
 * revision read ({@code revision = :rev}, or {@code attribute_not_exists(pk)}), and each summary item once as
 * {@code ADD} of only the attributes that change. Needs the table's name, not a client.
 */
public final class TransactRequest {
  private TransactRequest() {}

  public static List<TransactWriteItem> of(String table, Writes writes, String now) {
    List<TransactWriteItem> all = new ArrayList<>();
    for (Writes.Write w : writes.writes()) {
      if (w instanceof Writes.Put p) {
        Put.Builder b = Put.builder().tableName(table).item(item(p.item()));
        condition(p.expected(), b::conditionExpression, b::expressionAttributeValues);
        all.add(TransactWriteItem.builder().put(b.build()).build());
      } else if (w instanceof Writes.Delete d) {
        Delete.Builder b = Delete.builder().tableName(table).key(key(d.pk(), d.sk()));
        condition(d.expected(), b::conditionExpression, b::expressionAttributeValues);
        all.add(TransactWriteItem.builder().delete(b.build()).build());
      } else if (w instanceof Writes.Check c) {
        ConditionCheck.Builder b = ConditionCheck.builder().tableName(table)
            .key(key(Keys.report(c.reportId()), Keys.HEAD));
        condition(c.expected(), b::conditionExpression, b::expressionAttributeValues);
        all.add(TransactWriteItem.builder().conditionCheck(b.build()).build());
      }
    }
    String root = Keys.summary(null, null, null);
    writes.summaryDeltas().forEach((scope, d) -> {
      StringBuilder add = new StringBuilder();
      Map<String, String> names = new HashMap<>();
      Map<String, AttributeValue> values = new HashMap<>();
      int i = 0;
      for (Map.Entry<String, BigDecimal> e : d.entrySet()) {
        String n = Integer.toString(i++, 36);
        add.append(add.length() == 0 ? "" : ", ").append("#").append(n).append(" :").append(n);
        names.put("#" + n, e.getKey());
        values.put(":" + n, AttributeValue.fromN(e.getValue().toPlainString()));
      }
      if (scope.equals(root) && !writes.procKeys().isEmpty()) {
        add.append(add.length() == 0 ? "" : ", ").append("#procKeys :procKeys");
        names.put("#procKeys", "procKeys");
        values.put(":procKeys", AttributeValue.fromSs(List.copyOf(writes.procKeys())));
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

  /** An item of the table as its attributes. */
  static Map<String, AttributeValue> item(Object item) {
    if (item instanceof ReportHead h) {
      return ReportHead.SCHEMA.itemToMap(h, true);
    } else if (item instanceof ReportVersion v) {
      return ReportVersion.SCHEMA.itemToMap(v, true);
    } else if (item instanceof SourceRecord s) {
      return SourceRecord.SCHEMA.itemToMap(s, true);
    } else if (item instanceof RuleFindings r) {
      return RuleFindings.SCHEMA.itemToMap(r, true);
    } else if (item instanceof nianbao.store.item.ReviewRecord r) {
      return nianbao.store.item.ReviewRecord.SCHEMA.itemToMap(r, true);
    } else if (item instanceof ListEntry e) {
      return ListEntry.SCHEMA.itemToMap(e, true);
    } else if (item instanceof nianbao.store.item.DeletedReport d) {
      return nianbao.store.item.DeletedReport.SCHEMA.itemToMap(d, true);
    } else if (item instanceof nianbao.store.item.HistoryEntry h) {
      return nianbao.store.item.HistoryEntry.SCHEMA.itemToMap(h, true);
    } else if (item instanceof nianbao.store.item.RemovedVersion r) {
      return nianbao.store.item.RemovedVersion.SCHEMA.itemToMap(r, true);
    } else if (item instanceof nianbao.store.item.AgencyYear y) {
      return nianbao.store.item.AgencyYear.SCHEMA.itemToMap(y, true);
    } else if (item instanceof nianbao.store.item.AgencyAlias a) {
      return nianbao.store.item.AgencyAlias.SCHEMA.itemToMap(a, true);
    }
    throw new IllegalArgumentException("not an item of the table: " + item.getClass());
  }

  private static void condition(Writes.Expected expected, java.util.function.Consumer<String> expression,
      java.util.function.Consumer<Map<String, AttributeValue>> values) {
    if (expected == null) {
      return;
    }
    if (expected.absent()) {
      expression.accept("attribute_not_exists(pk)");
    } else {
      expression.accept("revision = :rev");
      values.accept(Map.of(":rev", AttributeValue.fromN(Long.toString(expected.revision()))));
    }
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Keys.of(pk, sk);
  }
}

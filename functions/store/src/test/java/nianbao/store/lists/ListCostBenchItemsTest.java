package nianbao.store.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nianbao.core.model.Report;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.Identity;
import nianbao.store.ReportStore;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ListCostBench} fills its table with list entries and rule items made directly, not through the write
 * path (which would take hours at 100,000 reports). Held here to what the write path stores, on a sample stored
 * through {@link ReportWriter} on DynamoDB Local: for a stored head, the bench's items are the stored items (rule
 * items apart from their findings, which the bench makes of a typical size), and the bench's own heads fill every
 * attribute a stored report's list entries and rule items carry.
 */
class ListCostBenchItemsTest {
  /** What the bench makes up in a rule item: the findings themselves and their counts by severity. */
  private static final Set<String> FINDINGS = Set.of("findings", "findingsGz", "count", "errors", "warnings",
      "notes");

  @Test
  void theBenchsItemsAreTheWritePathsItems() {
    GeneratedReports gen = new GeneratedReports(7);
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportStore store = new ReportStore(local.dynamo, local.table);
      ReportWriter writer = new ReportWriter(store);
      Set<String> entryAttributes = new TreeSet<>();
      Set<String> ruleAttributes = new TreeSet<>();
      int ruleItems = 0;
      for (int i = 0; i < 12; i++) {
        Report r = gen.report(GeneratedReports.PLACES.get(i % 8), gen.body(), 2019 + i % 6, i);
        writer.store(r, new UploadedObject(GeneratedReports.BUCKET, "uploads/" + i + ".txt", "v" + i, "e" + i,
            1000L, String.format("%016X", i + 1), GeneratedReports.T0.plusSeconds(i)));
        String id = Identity.of(r, r.source().sha256()).reportId();
        ReportHead head = store.head(id).orElseThrow();
        Map<String, Map<String, AttributeValue>> stored = items(local, id);

        for (ListEntry e : ListEntries.of(head)) {
          Map<String, AttributeValue> bench = ListEntry.SCHEMA.itemToMap(e, true);
          assertEquals(sets(stored.get(bench.get(Keys.SK).s())), sets(bench), "list entry " + bench.get(Keys.SK).s());
          entryAttributes.addAll(stored.get(bench.get(Keys.SK).s()).keySet());
        }
        for (String rule : head.ruleIds()) {
          Map<String, AttributeValue> bench = new HashMap<>(RuleFindings.SCHEMA.itemToMap(
              ListCostBench.ruleItem(head, rule), true));
          Map<String, AttributeValue> real = new HashMap<>(stored.get(Keys.rule(rule)));
          ruleAttributes.addAll(real.keySet());
          bench.keySet().removeAll(FINDINGS);
          real.keySet().removeAll(FINDINGS);
          assertEquals(sets(real), sets(bench), "rule item " + rule + " of " + id);
          ruleItems++;
        }
      }
      assertTrue(ruleItems > 3, "the sample has rule items: " + ruleItems);

      // the bench's generated heads carry every attribute the write path's items had (a county's, a city's…)
      Set<String> benchEntries = new TreeSet<>();
      Set<String> benchRules = new TreeSet<>();
      for (int i = 0; i < 200; i++) {
        ReportHead h = ListCostBench.head(i);
        ListEntries.of(h).forEach(e -> benchEntries.addAll(ListEntry.SCHEMA.itemToMap(e, true).keySet()));
        h.ruleIds().forEach(rule -> benchRules.addAll(RuleFindings.SCHEMA.itemToMap(ListCostBench.ruleItem(h, rule),
            true).keySet()));
      }
      Set<String> missing = new TreeSet<>(entryAttributes);
      missing.removeAll(benchEntries);
      assertEquals(Set.of(), missing, "list entry attributes the bench never writes");
      missing = new TreeSet<>(ruleAttributes);
      missing.removeAll(benchRules);
      missing.remove("findingsGz");
      assertEquals(Set.of(), missing, "rule item attributes the bench never writes");
      assertFalse(benchEntries.isEmpty());
    }
  }

  /** The item with its string sets in order (a set has none). */
  private static Map<String, AttributeValue> sets(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new HashMap<>(item);
    out.replaceAll((k, v) -> v.hasSs() ? AttributeValue.fromSs(new TreeSet<>(v.ss()).stream().toList()) : v);
    return out;
  }

  /** Every item of a report's partition, by sort key. */
  private static Map<String, Map<String, AttributeValue>> items(LocalTable local, String reportId) {
    Map<String, Map<String, AttributeValue>> out = new HashMap<>();
    for (Map<String, AttributeValue> item : local.dynamo.queryPaginator(q -> q.tableName(local.table)
        .consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.report(reportId))))).items()) {
      out.put(item.get(Keys.SK).s(), item);
    }
    return out;
  }
}

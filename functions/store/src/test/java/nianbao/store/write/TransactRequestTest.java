package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.store.ObjectRef;
import nianbao.store.item.Keys;
import nianbao.store.lists.ListSort;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The decision's writes as DynamoDB's request, and the object references versions store. */
class TransactRequestTest {

  @Test
  void aNewReportIsOneTransactionOfConditionedPutsChecksAndOneAddPerSummary() {
    Decision d = WriteRules.decide(new MemoryTable(), new Change.Store(report(2022, 0, 0, "v1"),
        upload("a.txt", "1", 0, "10")), "now");
    List<TransactWriteItem> items = TransactRequest.of("t", d.writes(), "now");
    // head (absent), its list entries (one per order), the agency's year item, version, record; 0 rule items;
    // 2 checks; 8 summaries (all years and 2022 × the country, province, city, county)
    assertEquals(1 + ListSort.values().length + 1 + 2 + 2 + 8, items.size());
    assertEquals("attribute_not_exists(pk)", items.get(0).put().conditionExpression());
    assertEquals(2, items.stream().filter(i -> i.conditionCheck() != null).count());
    TransactWriteItem root = items.stream().filter(i -> i.update() != null
        && i.update().key().get(Keys.PK).s().equals(Keys.summary(null, null, null))).findFirst().orElseThrow();
    assertTrue(root.update().updateExpression().startsWith("SET #updatedAt = :updatedAt ADD "));
    assertTrue(root.update().expressionAttributeNames().containsValue("procKeys"));
    assertTrue(items.size() <= 100);
  }

  @Test
  void anEmptyDecisionIsNoRequest() {
    assertTrue(TransactRequest.of("t", new Writes(), "now").isEmpty());
  }

  @Test
  void objectReferencesReadBackAsWritten() {
    assertEquals("b/uploads/报告 1.txt#null", new ObjectRef("b", "uploads/报告 1.txt", null).text());
    assertEquals(new ObjectRef("b", "uploads/a#b.txt", null), ObjectRef.parse("b/uploads/a#b.txt#null"));
    assertEquals(new ObjectRef("b", "k", "3HL4kqtJ"), ObjectRef.parse("b/k#3HL4kqtJ"));
  }
}

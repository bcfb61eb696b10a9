package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reports stored before review states existed (heads without {@code reviewState}, summaries without
 * {@code review.*} counters) get theirs from what an operator runs after deploying: {@code reprocess} leaves them
 * (nothing about their reading is outdated), {@code rebuildSummaries} gives each head its state and counts it in
 * {@code byReviewState} — through the real handler on DynamoDB Local and s3proxy.
 */
class ReviewStatesUpgradeTest {

  @Test
  void rebuildingTheSummariesGivesHeadsStoredBeforeReviewStatesTheirsAndCountsThem() throws Exception {
    // GIVEN the seeds stored as the code before review states stored them
    Backend.Local backend = Backend.Local.shared();
    Harness old = new Harness(backend, backend.dynamo(), ReportParser.CORE);
    old.deliverSeeds();
    Map<String, Long> states = old.store.summary(null, null, null).byReviewState();
    assertTrue(states.values().stream().mapToLong(Long::longValue).sum() > 0, states.toString());
    for (ReportHead head : old.heads()) {
      old.dynamo.updateItem(r -> r.tableName(old.table).key(key(head.pk(), Keys.HEAD))
          .updateExpression("REMOVE reviewState"));
    }
    old.dynamo.scanPaginator(r -> r.tableName(old.table).filterExpression("begins_with(pk, :s)")
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SUM#")))).items().forEach(item ->
        old.dynamo.updateItem(r -> r.tableName(old.table).key(key(item.get("pk").s(), item.get("sk").s()))
            .updateExpression("REMOVE #p, #r, #n, #x").expressionAttributeNames(Map.of("#p", "review.PENDING",
                "#r", "review.REVIEWED", "#n", "review.NOTIFIED", "#x", "review.RECTIFIED"))));
    assertTrue(old.heads().stream().allMatch(h -> h.reviewState() == null));
    assertEquals(Map.of(), old.store.summary(null, null, null).byReviewState(), "counted in no state");

    // WHEN the deployed code reprocesses and rebuilds, as the CLI invokes it
    OperationsHandler current = new OperationsHandler(old.ingestWith(ReportParser.CORE), backend::sqs, null);
    String reprocessed = ReadingNotesUpgradeTest.invoke(current, "{\"action\":\"reprocess\"}");
    assertTrue(reprocessed.contains("\"cursor\":null"), reprocessed);
    String rebuilt = ReadingNotesUpgradeTest.invoke(current, "{\"action\":\"rebuildSummaries\"}");

    // THEN every report has its state, counted in the summaries as a write would have counted it
    long reports = old.heads().stream().filter(h -> !h.rejected()).count();
    assertTrue(rebuilt.contains("\"reviewStates\":" + reports), rebuilt);
    for (ReportHead head : old.heads()) {
      if (head.rejected()) {
        assertNull(head.reviewState(), head.reportId());
      } else {
        assertNotNull(head.reviewState(), head.reportId());
      }
    }
    assertEquals(states, old.store.summary(null, null, null).byReviewState());
    old.assertSummariesExact();
    String again = ReadingNotesUpgradeTest.invoke(current, "{\"action\":\"rebuildSummaries\"}");
    assertTrue(again.contains("\"reviewStates\":0"), "once given, kept: " + again);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }
}

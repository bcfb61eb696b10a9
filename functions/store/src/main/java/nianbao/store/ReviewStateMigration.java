package nianbao.store;

import java.util.List;
import java.util.Map;
import nianbao.core.model.Report;
import nianbao.core.review.ReviewStates;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Heads stored before review states existed have none, so they count in no state of the summaries' byReviewState
 * and match no {@code review=} filter. Rebuilding the summaries gives each its state, derived as every head write
 * derives it, from its current report's findings (with their decisions: a head that old can have none, nor notices).
 * Written only where the head still has none, so a write that raced the rebuild keeps its own.
 */
final class ReviewStateMigration {
  private final ReportStore store;
  int migrated;

  ReviewStateMigration(ReportStore store) {
    this.store = store;
  }

  /** {@code head} with its review state, stored; as it is when it has one, or is a rejected upload. */
  ReportHead apply(ReportHead head, Report current) {
    if (head.rejected() || head.reviewState() != null || current == null) {
      return head;
    }
    String state = ReviewStates.of(current.findings(), List.of(), head.currentSha());
    try {
      store.dynamo().updateItem(r -> r.tableName(store.tableName())
          .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.report(head.reportId())), Keys.SK,
              AttributeValue.fromS(Keys.HEAD)))
          .updateExpression("SET reviewState = :state")
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(reviewState)")
          .expressionAttributeNames(Map.of("#pk", Keys.PK))
          .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state))));
      migrated++;
    } catch (ConditionalCheckFailedException raced) {
      // written meanwhile (with its state) or deleted: the rebuild counts the head as it read it
      return head;
    }
    return ReportHeadBuilder.builder(head).reviewState(state).build();
  }
}

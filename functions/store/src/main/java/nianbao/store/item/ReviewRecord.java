package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * What reviewers decided on one report, whichever version is current: the decisions on its findings, by
 * fingerprint, and the corrections of its cells. In the report's partition, written in the same transaction as the head (whose revision guards
 * it), so it outlives re-reads, reprocessing and new versions.
 *
 * @param decisions   JSON array of {@code nianbao.core.review.ReviewDecision}, or null for none
 * @param corrections JSON array of {@code nianbao.core.review.Correction} in the order made, or null for none
 * @param notices     JSON array of {@code nianbao.core.review.Notice}: the rectification notices issued, oldest first
 */
@RecordBuilder
public record ReviewRecord(String reportId, String decisions, String corrections, String updatedAt,
    String notices) {

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.REVIEW;
  }

  public static final TableSchema<ReviewRecord> SCHEMA = new SchemaBuilder<>(ReviewRecord.class,
      ReviewRecord::from)
      .string(Keys.PK, ReviewRecord::pk, primaryPartitionKey())
      .string(Keys.SK, ReviewRecord::sk, primarySortKey())
      .string("reportId", ReviewRecord::reportId)
      .string("decisions", ReviewRecord::decisions)
      .string("corrections", ReviewRecord::corrections)
      .string("updatedAt", ReviewRecord::updatedAt)
      .string("notices", ReviewRecord::notices)
      .build();

  static ReviewRecord from(ItemBuilder b) {
    return new ReviewRecord(b.s("reportId"), b.s("decisions"), b.s("corrections"), b.s("updatedAt"),
        b.s("notices"));
  }
}

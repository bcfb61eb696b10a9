package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A report an administrator deleted (soft delete): its head is gone — it left the lists, the summaries and the
 * cross-year rules — but its versions, review record, history and files are kept until {@code expiresAt}, and
 * {@code POST /reports/{id}/restore} brings it back. Filed under {@code byNewest}'s partition {@code DELETED} by
 * expiry, so the purge of expired ones is one query (never a scan).
 *
 * @param head     the head as it was when deleted (JSON of {@link ReportHead}): what a restore starts from
 * @param revision the head's revision when deleted; a restore writes the next one
 */
@RecordBuilder
public record DeletedReport(String reportId, String deletedAt, String deletedBy, String expiresAt, long revision,
    String head) {

  /** The {@code byNewest} partition of deleted reports, sorted by expiry. */
  public static final String LIST = "DELETED";

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.DELETED;
  }

  /** The head as it was when deleted. */
  public ReportHead deletedHead() {
    try {
      return nianbao.core.json.ReportMapper.MAPPER.readValue(head, ReportHead.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable tombstone of " + reportId, e);
    }
  }

  /** The tombstone of {@code head}, deleted at {@code now} by {@code by}, kept until {@code expiresAt}. */
  public static DeletedReport of(ReportHead head, String now, String by, String expiresAt) {
    try {
      return new DeletedReport(head.reportId(), now, by, expiresAt, head.revision(),
          nianbao.core.json.ReportMapper.MAPPER.writeValueAsString(head));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String listKey() {
    return LIST;
  }

  public String ord() {
    return expiresAt + "#" + reportId;
  }

  public static final TableSchema<DeletedReport> SCHEMA = new SchemaBuilder<>(DeletedReport.class,
      DeletedReport::from)
      .string(Keys.PK, DeletedReport::pk, primaryPartitionKey())
      .string(Keys.SK, DeletedReport::sk, primarySortKey())
      .string("reportId", DeletedReport::reportId)
      .string("deletedAt", DeletedReport::deletedAt)
      .string("deletedBy", DeletedReport::deletedBy)
      .string("expiresAt", DeletedReport::expiresAt)
      .longer("revision", DeletedReport::revision)
      .string("head", DeletedReport::head)
      .string("listKey", DeletedReport::listKey, secondaryPartitionKey(Keys.BY_NEWEST))
      .string("ord", DeletedReport::ord, secondarySortKey(Keys.BY_NEWEST))
      .build();

  static DeletedReport from(ItemBuilder b) {
    return new DeletedReport(b.s("reportId"), b.s("deletedAt"), b.s("deletedBy"), b.s("expiresAt"),
        b.l0("revision"), b.s("head"));
  }
}

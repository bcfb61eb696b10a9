package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import io.soabase.recordbuilder.core.RecordBuilder;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One entry of a report's audit history: who changed what, when, and the state before and after — a review
 * decision, a correction, a version made current or removed, a deletion or restore. In the report's partition,
 * sorted by time ({@code H#<at>#<id>}), written in the transaction of the change it records; never changed.
 *
 * @param action what was done ({@code review}, {@code review.withdrawn}, {@code correction},
 *     {@code correction.withdrawn}, {@code version.current}, {@code version.removed}, {@code version.purged}, {@code deleted},
 *     {@code restored})
 * @param target what it was done to: a finding's fingerprint, a cell's location, a version's sha256; null for the
 *     report as a whole
 * @param before JSON of the state before (null when there was none), {@code after} likewise
 * @param revision the head's revision the change wrote (its revision before, for a deletion)
 */
@RecordBuilder
public record HistoryEntry(String reportId, String at, String id, String action, String by, String target,
    String before, String after, long revision) {

  public static final String PREFIX = "H#";

  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return PREFIX + at + "#" + id;
  }

  public static final TableSchema<HistoryEntry> SCHEMA = new SchemaBuilder<>(HistoryEntry.class, HistoryEntry::from)
      .string(Keys.PK, HistoryEntry::pk, primaryPartitionKey())
      .string(Keys.SK, HistoryEntry::sk, primarySortKey())
      .string("reportId", HistoryEntry::reportId)
      .string("at", HistoryEntry::at)
      .string("id", HistoryEntry::id)
      .string("action", HistoryEntry::action)
      .string("by", HistoryEntry::by)
      .string("target", HistoryEntry::target)
      .string("before", HistoryEntry::before)
      .string("after", HistoryEntry::after)
      .longer("revision", HistoryEntry::revision)
      .build();

  static HistoryEntry from(ItemBuilder b) {
    return new HistoryEntry(b.s("reportId"), b.s("at"), b.s("id"), b.s("action"), b.s("by"), b.s("target"),
        b.s("before"), b.s("after"), b.l0("revision"));
  }
}

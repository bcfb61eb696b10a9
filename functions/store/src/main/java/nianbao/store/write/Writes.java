package nianbao.store.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.model.Report;
import nianbao.store.SummaryCounts;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.lists.ListEntries;

/**
 * The writes of one change, as items, not requests: puts and deletes conditioned on the heads as they were read,
 * condition checks of heads read but not written, the summary deltas merged per summary item (a transaction may
 * touch an item once), and the body chunks written before the transaction. {@link TransactRequest} turns them
 * into one TransactWriteItems.
 */
public final class Writes {

  /** One action of the transaction. */
  public sealed interface Write permits Put, Delete, Check {}

  /**
   * An item written whole: a {@code ReportHead}, {@code ReportVersion}, {@code SourceRecord} or
   * {@code RuleFindings}; {@code expected} null when unconditional.
   */
  public record Put(Object item, Expected expected) implements Write {}

  public record Delete(String pk, String sk, Expected expected) implements Write {}

  /** A head that must still be as read, without being written. */
  public record Check(String reportId, Expected expected) implements Write {}

  /** A head as it was read: absent ({@code revision} null), or at that revision. */
  public record Expected(Long revision) {
    public static Expected asRead(ReportHead head) {
      return new Expected(head == null ? null : head.revision());
    }

    public boolean absent() {
      return revision == null;
    }
  }

  private final List<Write> writes = new ArrayList<>();
  private final List<BodyChunk> chunks = new ArrayList<>();
  private final Map<String, Map<String, BigDecimal>> deltas = new LinkedHashMap<>();
  private final Set<String> procKeys = new LinkedHashSet<>();

  void put(Object item) {
    writes.add(new Put(item, null));
  }

  /**
   * Puts a head (or an item of its partition) if the head read is unchanged. A head brings its list entries
   * (one per order, stable keys): every change that writes a head, whatever its kind, keeps the lists in step.
   */
  void put(Object item, ReportHead expected) {
    if (item instanceof ReportHead head) {
      // (a head written needs no check as well: a transaction names an item once)
      writes.removeIf(w -> w instanceof Check c && java.util.Objects.equals(c.reportId(), head.reportId()));
    }
    writes.add(new Put(item, Expected.asRead(expected)));
    if (item instanceof ReportHead head) {
      ListEntries.of(head).forEach(e -> writes.add(new Put(e, null)));
    }
  }

  void delete(String pk, String sk) {
    writes.add(new Delete(pk, sk, null));
  }

  /** Deletes an item of a head's partition if the head read is unchanged; a head takes its list entries along. */
  void delete(String pk, String sk, ReportHead expected) {
    writes.add(new Delete(pk, sk, Expected.asRead(expected)));
    if (Keys.HEAD.equals(sk)) {
      ListEntries.sortKeys().forEach(entry -> writes.add(new Delete(pk, entry, null)));
    }
  }

  void check(String reportId, ReportHead expected) {
    String pk = Keys.report(reportId);
    boolean named = writes.stream().anyMatch(w -> w instanceof Check c && java.util.Objects.equals(c.reportId(), reportId)
        || w instanceof Put p && p.item() instanceof ReportHead h && h.reportId().equals(reportId)
        || w instanceof Delete d && d.pk().equals(pk) && Keys.HEAD.equals(d.sk()));
    if (!named) {
      writes.add(new Check(reportId, Expected.asRead(expected)));
    }
  }

  void chunk(BodyChunk chunk) {
    chunks.add(chunk);
  }

  /** Adds ({@code sign} 1) or takes away (−1) a report's counts in each of its summaries. */
  void count(ReportHead head, Report report, int sign) {
    SummaryCounts.addTo(deltas, head, report, sign);
    if (sign > 0) {
      procKeys.add(head.procKey());
    }
  }

  /** Records a processing version in the registry that re-processing starts from. */
  void register(String procKey) {
    procKeys.add(procKey);
  }

  public List<Write> writes() {
    return List.copyOf(writes);
  }

  /** The items put of one type, in order. */
  public <T> List<T> puts(Class<T> type) {
    return writes.stream().filter(w -> w instanceof Put p && type.isInstance(p.item()))
        .map(w -> type.cast(((Put) w).item())).toList();
  }

  public List<Delete> deletes() {
    return writes.stream().filter(Delete.class::isInstance).map(Delete.class::cast).toList();
  }

  public List<Check> checks() {
    return writes.stream().filter(Check.class::isInstance).map(Check.class::cast).toList();
  }

  public List<BodyChunk> chunks() {
    return List.copyOf(chunks);
  }

  /**
   * The non-zero deltas of each summary item touched, in order; the root item (which keeps the processing
   * versions) is among them whenever a processing version is registered.
   */
  public Map<String, Map<String, BigDecimal>> summaryDeltas() {
    Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
    String root = Keys.summary(null, null, null);
    deltas.forEach((scope, d) -> {
      Map<String, BigDecimal> nonZero = new LinkedHashMap<>();
      d.forEach((name, value) -> {
        if (value.signum() != 0) {
          nonZero.put(name, value);
        }
      });
      if (!nonZero.isEmpty() || scope.equals(root) && !procKeys.isEmpty()) {
        out.put(scope, nonZero);
      }
    });
    if (!procKeys.isEmpty()) {
      out.putIfAbsent(root, Map.of());
    }
    return out;
  }

  /** The summary delta of one item's attribute (zero when untouched). */
  public BigDecimal summaryDelta(String scope, String attribute) {
    return summaryDeltas().getOrDefault(scope, Map.of()).getOrDefault(attribute, BigDecimal.ZERO);
  }

  public Set<String> procKeys() {
    return Set.copyOf(procKeys);
  }

  public boolean isEmpty() {
    return writes.isEmpty() && summaryDeltas().isEmpty();
  }
}

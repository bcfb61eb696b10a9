package nianbao.store.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;

/**
 * One report moved by an administrator's merge or split of agencies ({@link Change.Rehome}): made current again as
 * the other agency's ({@link CurrentReport#rehome}), with its history entry. Idempotent, so that a merge or split
 * cut short is finished by running it again: a report already at the agency changes nothing, but a year item the
 * other agency still has for it (an upload that landed while the merge was under way) is deleted.
 */
final class RehomeDecision {
  private final Snapshot read;
  private final String now;

  RehomeDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  /**
   * The report's head, the heads the agencies' keys would give its neighbours (the target's Y−1 and Y+1, the
   * source's Y+1) and the target's year items of Y−1, Y and Y+1, in one batch; the year comes from the id
   * ({@code <agencyKey>-<year>}), else the head is read alone.
   */
  static WriteRules.FirstRead firstRead(Change.Rehome change) {
    String id = change.reportId();
    int dash = id.lastIndexOf('-');
    if (dash <= 0 || !id.substring(dash + 1).matches("\\d{4}")) {
      return new WriteRules.FirstRead(List.of(id), id, null);
    }
    int year = Integer.parseInt(id.substring(dash + 1));
    List<String> heads = new ArrayList<>(List.of(id, Identity.reportId(change.intoKey(), year - 1),
        Identity.reportId(change.intoKey(), year + 1), Identity.reportId(change.fromKey(), year + 1)));
    heads = new ArrayList<>(new LinkedHashSet<>(heads));
    return new WriteRules.FirstRead(heads, id, null, List.of(id), change.intoKey(),
        List.of(year - 1, year, year + 1));
  }

  Decision decide(Change.Rehome change) {
    ReportHead head = read.head(change.reportId()).orElse(null);
    if (head == null || head.rejected() || head.year() == null) {
      return Decision.nothing(WriteResult.NOT_FOUND, change.reportId(), null);
    }
    if (change.intoKey().equals(head.agencyKey())) {
      Writes writes = new Writes();
      read.agencyYear(change.fromKey(), head.year()).filter(y -> y.reportId().equals(head.reportId()))
          .ifPresent(y -> writes.delete(Keys.agency(change.fromKey()), Keys.agencyYear(head.year())));
      return new Decision(WriteResult.UNCHANGED, head.reportId(), head.status(), writes);
    }
    if (!change.fromKey().equals(head.agencyKey())) {
      // moved elsewhere since (another merge): not this change's to move
      return Decision.nothing(WriteResult.NOT_FOUND, change.reportId(), head.status());
    }
    var taken = read.agencyYear(change.intoKey(), head.year()).filter(y -> !y.reportId().equals(head.reportId()));
    if (taken.isPresent() && AgencyYears.holds(read, change.intoKey(), taken.get().reportId())) {
      return Decision.nothing(WriteResult.YEAR_TAKEN, head.reportId(), head.status());
    }
    Writes writes = new Writes();
    new CurrentReport(read, writes, now).rehome(head, change.intoKey());
    ReportHead moved = writes.puts(ReportHead.class).stream().filter(h -> h.reportId().equals(head.reportId()))
        .findFirst().orElseThrow();
    writes.put(Audit.entry(head.reportId(), change.split() ? Audit.AGENCY_SPLIT : Audit.AGENCY_MERGED, change.by(),
        null, agency(head, change.fromKey(), null), agency(moved, change.intoKey(), change.reason()),
        moved.revision(), now));
    return new Decision(WriteResult.REHOMED, head.reportId(), moved.status(), writes);
  }

  /** The report's agency and what the cross-year rules found, as the history shows them. */
  private static Map<String, Object> agency(ReportHead head, String agencyKey, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agencyKey", agencyKey);
    out.put("status", head.status());
    out.put("errors", head.errors());
    out.put("warnings", head.warnings());
    if (reason != null) {
      out.put("reason", reason);
    }
    return out;
  }
}

package nianbao.ingest;

import java.util.concurrent.atomic.AtomicBoolean;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Proactive;
import nianbao.core.model.Report;
import nianbao.core.recognise.PreviousYear;
import nianbao.store.Identity;
import nianbao.store.ReportStore;
import nianbao.store.item.ReportHead;

/**
 * Reads a report with the agency's year before from the store, where table A's figures run together can only be
 * split by continuity with it (core's {@link PreviousYear}). The agency's identity — region code and normalised
 * name, docs/DESIGN.md — is known only once the report is read, so the reader asks first; only when it did (rare:
 * a run-together row no narrative figure splits) is the year before fetched (one head, one version read) and the
 * document read again with it. Every other report is read once, with no request.
 */
final class PreviousYearReading {
  private PreviousYearReading() {}

  static Report read(ReportParser parser, ReportStore store, byte[] bytes, String name)
      throws UnreadableDocumentException {
    AtomicBoolean asked = new AtomicBoolean();
    Report first = parser.read(bytes, name, (agency, year) -> {
      asked.set(true);
      return null;
    });
    if (!asked.get() || first.year() == null) {
      return first;
    }
    Proactive before = tableA(store, first);
    if (before == null) {
      return first;
    }
    return parser.read(bytes, name, (agency, year) -> before);
  }

  /** Table A of the current version of the agency's report of the year before {@code report}'s, or null. */
  static Proactive tableA(ReportStore store, Report report) {
    Identity id = Identity.of(report, report.source().sha256());
    // the agency's report of the year before, however its name was printed (its year item names it)
    ReportHead head = store.head(store.agencies().reportId(id.agencyKey(), report.year() - 1)).orElse(null);
    if (head == null || head.rejected() || head.currentSha() == null) {
      return null;
    }
    return store.version(head.reportId(), head.currentSha()).map(v -> store.body(v).proactive()).orElse(null);
  }
}

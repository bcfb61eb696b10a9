package nianbao.core.indicators;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nianbao.core.model.Applications;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;

/**
 * The indicators of one report from its tables B and C (the 总计 column of table B), or of a region from the sums
 * of its reports' cells. Pure: the same figures give the same shares.
 */
public final class Indicators {
  private Indicators() {}

  private static final List<String> DENIED = rows("denied.", List.of("stateSecret", "prohibitedByLaw",
      "threeSecurityOneStability", "thirdPartyRights", "internalAffairs", "processInformation",
      "lawEnforcementFile", "administrativeQuery"));
  private static final List<String> UNAVAILABLE = rows("unavailable.", List.of("notHeld", "needsCreation",
      "unclearAfterCorrection"));
  private static final List<String> NOT_PROCESSED = rows("notProcessed.", List.of("complaint", "duplicate",
      "publication", "massRepeated", "confirmation"));

  private static List<String> rows(String prefix, List<String> keys) {
    return keys.stream().map(k -> prefix + k).toList();
  }

  /** The indicators of a report (every one; unknown where a cell it needs is blank or the table is missing). */
  public static Map<Indicator, Share> of(Report report) {
    Applications b = report.applications();
    ReviewAndLitigation c = report.reviewAndLitigation();
    return of(key -> {
      if (key.startsWith("B.")) {
        if (b == null) {
          return null;
        }
        List<Long> cells = b.rows().get(key.substring(2));
        return cells == null ? null : cells.get(Applications.TOTAL_COLUMN);
      }
      if (c == null) {
        return null;
      }
      String[] parts = key.substring(2).split("\\.");
      ReviewAndLitigation.Group g = c.group(parts[0]);
      return g == null ? null : g.cell(parts[1]);
    });
  }

  /**
   * The indicators of figures looked up by name: {@code B.<row>} (table B's 总计 column) and
   * {@code C.<group>.<cell>} — a report's cells, or a region's sums of them.
   */
  public static Map<Indicator, Share> of(Function<String, Long> figure) {
    Map<Indicator, Share> out = new EnumMap<>(Indicator.class);
    Long handled = figure.apply("B.total");
    out.put(Indicator.SUBSTANTIVE_DISCLOSURE, Share.of(Indicator.SUBSTANTIVE_DISCLOSURE,
        sum(figure, List.of("B.granted", "B.partiallyGranted")), handled));
    out.put(Indicator.DENIAL, Share.of(Indicator.DENIAL, sum(figure, prefixed(DENIED)), handled));
    out.put(Indicator.UNAVAILABLE, Share.of(Indicator.UNAVAILABLE, sum(figure, prefixed(UNAVAILABLE)), handled));
    out.put(Indicator.NOT_PROCESSED, Share.of(Indicator.NOT_PROCESSED, sum(figure, prefixed(NOT_PROCESSED)),
        handled));
    out.put(Indicator.REVIEW_CORRECTION, Share.of(Indicator.REVIEW_CORRECTION,
        figure.apply("C.adminReview.corrected"), figure.apply("C.adminReview.total")));
    out.put(Indicator.LITIGATION_CORRECTION, Share.of(Indicator.LITIGATION_CORRECTION,
        sum(figure, List.of("C.litigationDirect.corrected", "C.litigationAfterReview.corrected")),
        sum(figure, List.of("C.litigationDirect.total", "C.litigationAfterReview.total"))));
    out.put(Indicator.DISPUTE, Share.of(Indicator.DISPUTE, sum(figure, List.of("C.adminReview.total",
        "C.litigationDirect.total", "C.litigationAfterReview.total")), figure.apply("B.newReceived")));
    out.put(Indicator.CARRY_OVER, Share.of(Indicator.CARRY_OVER, figure.apply("B.carriedForward"),
        sum(figure, List.of("B.newReceived", "B.carriedOver"))));
    return out;
  }

  private static List<String> prefixed(List<String> rows) {
    return rows.stream().map(r -> "B." + r).toList();
  }

  /** The sum of the figures, or null when any is blank (a blank is not a 0). */
  private static Long sum(Function<String, Long> figure, List<String> keys) {
    long total = 0;
    for (String k : keys) {
      Long v = figure.apply(k);
      if (v == null) {
        return null;
      }
      total += v;
    }
    return total;
  }
}

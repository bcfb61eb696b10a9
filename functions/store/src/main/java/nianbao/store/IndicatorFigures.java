package nianbao.store;

import java.util.EnumMap;
import java.util.Map;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Indicators;
import nianbao.core.model.Report;

/**
 * A report's indicators as its head and list entries keep them: each indicator's numerator and denominator, so
 * the share, its small-base mark and why it is unknown are computed again by core ({@code Share.of}) wherever
 * they are read. Text {@code disclosure:8/13,denial:/13,…} — a blank side is empty, never 0.
 */
public final class IndicatorFigures {
  private IndicatorFigures() {}

  /** The figures of a report's indicators (of its current, corrected values). */
  public static String of(Report report) {
    return write(Indicators.of(report));
  }

  public static String write(Map<Indicator, nianbao.core.indicators.Share> shares) {
    StringBuilder b = new StringBuilder();
    shares.forEach((indicator, share) -> {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(indicator.code()).append(':').append(text(share.numerator())).append('/')
          .append(text(share.denominator()));
    });
    return b.toString();
  }

  private static String text(Long v) {
    return v == null ? "" : v.toString();
  }

  /** The shares kept in {@code text}; none (an empty map) for a head written before indicators were kept. */
  public static Map<Indicator, nianbao.core.indicators.Share> read(String text) {
    Map<Indicator, nianbao.core.indicators.Share> out = new EnumMap<>(Indicator.class);
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",")) {
      int colon = part.indexOf(':');
      int slash = part.indexOf('/', colon);
      Indicator indicator;
      try {
        indicator = Indicator.of(part.substring(0, colon));
      } catch (IllegalArgumentException unknown) {
        continue; // an indicator no longer computed
      }
      out.put(indicator, nianbao.core.indicators.Share.of(indicator, number(part.substring(colon + 1, slash)),
          number(part.substring(slash + 1))));
    }
    return out;
  }

  private static Long number(String s) {
    return s.isEmpty() ? null : Long.valueOf(s);
  }
}

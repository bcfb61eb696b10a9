package nianbao.core.indicators;

/**
 * One indicator's value: {@code numerator} of {@code denominator}, or unknown ({@code null} value) with the reason
 * — a blank cell it needs (a blank is what the agency printed, never taken as 0), or no cases at all.
 *
 * @param smallBase the denominator is below {@link Indicator#SMALL_BASE}: shown, marked, not ranked
 */
public record Share(Indicator indicator, Long numerator, Long denominator, Double value, boolean smallBase,
    String unknownBecause) {

  /** The share of {@code numerator} over {@code denominator}, either unknown when null (a blank cell). */
  public static Share of(Indicator indicator, Long numerator, Long denominator) {
    if (numerator == null || denominator == null) {
      return new Share(indicator, numerator, denominator, null, false, "所需单元格为空");
    }
    if (denominator == 0) {
      return new Share(indicator, numerator, denominator, null, false, "分母为 0");
    }
    return new Share(indicator, numerator, denominator, (double) numerator / denominator,
        denominator < Indicator.SMALL_BASE, null);
  }

  /** Whether it takes part in rankings: known, and over at least {@link Indicator#SMALL_BASE} cases. */
  public boolean ranked() {
    return value != null && !smallBase;
  }
}

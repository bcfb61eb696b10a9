package nianbao.core.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import nianbao.core.model.Applications;

/**
 * How a report's text came out of extraction, modelled on the seeds and samples. Each field is one kind
 * of damage real extractions do; a layout combines several.
 *
 * @param separator          how cells are separated, or the whole report flattened to one line
 * @param fullWidth          full-width brackets and colons（一）：, or half-width (一):
 * @param trailingTabs       a tab after the last value of a row (seeds 002, 003)
 * @param numbersBelow       a row's label on one line, its values on the next (seed 002)
 * @param brokenLabels       rows whose label is broken over two lines (a space when flattened)
 * @param headerWithoutTotal the header lost 总计, and 新收 and 上年结转 lost their total value (seed 001)
 * @param onlyTotal          rows where only the 总计 column is filled, the rest blank (seed 003)
 * @param extraValue         rows printed with a trailing 0 too many; 总计 and 结转下年度 with two (seed 002)
 * @param spaceBeforeLabels  when flattened: a space between a row's digits and the next label, or none
 *                           ("00000002.其他法律…" as in sample 04)
 * @param reviewRunTogether  when flattened: table C's fifteen values run together too
 * @param reviewExtraValue   table C printed with sixteen values (seed 002)
 */
record Layout(
    Separator separator,
    boolean fullWidth,
    boolean trailingTabs,
    boolean numbersBelow,
    Set<String> brokenLabels,
    boolean headerWithoutTotal,
    Set<String> onlyTotal,
    Set<String> extraValue,
    boolean spaceBeforeLabels,
    boolean reviewRunTogether,
    boolean reviewExtraValue) {

  enum Separator {
    TABS,
    SPACES,
    /** A web page flattened: the body on one line, each row's digits run together (sample 04). */
    RUN_TOGETHER
  }

  /** The rows whose total value is lost with the header's 总计, as in seed 001. */
  static final List<String> ROWS_WITHOUT_TOTAL = List.of("newReceived", "carriedOver");

  static Layout clean() {
    return new Layout(Separator.TABS, true, false, false, Set.of(), false, Set.of(), Set.of(), true, false, false);
  }

  boolean flattened() {
    return separator == Separator.RUN_TOGETHER;
  }

  /** Whether row {@code key} lost its total value (printed with six values where seven belong). */
  boolean lostTotal(String key) {
    return headerWithoutTotal && ROWS_WITHOUT_TOTAL.contains(key) && !onlyTotal.contains(key);
  }

  int extraValues(String key) {
    if (!extraValue.contains(key) || onlyTotal.contains(key) || lostTotal(key)) {
      return 0;
    }
    return key.equals("total") || key.equals("carriedForward") ? 2 : 1;
  }

  static Arbitrary<Layout> damaged() {
    Arbitrary<Set<String>> someRows = Arbitraries.subsetOf(Applications.ROWS).ofMaxSize(5);
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    Arbitrary<Layout> drawn = Combinators.combine(
            Arbitraries.of(Separator.class), flag, flag, flag, someRows, flag, someRows, someRows)
        .as((separator, fullWidth, trailingTabs, numbersBelow, broken, noTotal, onlyTotal, extra) ->
            new Layout(separator, fullWidth, trailingTabs, numbersBelow, broken, noTotal, onlyTotal, extra,
                false, false, false));
    return Combinators.combine(drawn, flag, flag, flag)
        .as((layout, space, reviewRun, reviewExtra) -> layout.with(space, reviewRun, reviewExtra).possible());
  }

  private Layout with(boolean space, boolean reviewRun, boolean reviewExtra) {
    return new Layout(separator, fullWidth, trailingTabs, numbersBelow, brokenLabels, headerWithoutTotal,
        onlyTotal, extraValue, space, reviewRun, reviewExtra);
  }

  /**
   * Drops the damage a separator cannot show, and combinations that would lose a value twice over: a
   * flattened page has no lines or tabs, and an extra or lost value run into the digits would make
   * another row (the generator could not tell what the text still says).
   */
  private Layout possible() {
    if (flattened()) {
      return new Layout(separator, fullWidth, false, false, brokenLabels, false, onlyTotal, Set.of(),
          spaceBeforeLabels, reviewRunTogether, false);
    }
    return new Layout(separator, fullWidth, trailingTabs, numbersBelow, brokenLabels, headerWithoutTotal,
        onlyTotal, extraValue, true, false, reviewExtraValue);
  }

  /** A short name for jqwik's statistics: which damage this layout shows. */
  String kinds() {
    List<String> kinds = new ArrayList<>();
    kinds.add(separator.name().toLowerCase());
    if (numbersBelow) {
      kinds.add("numbers-below");
    }
    if (!brokenLabels.isEmpty()) {
      kinds.add("broken-labels");
    }
    if (headerWithoutTotal) {
      kinds.add("no-total-header");
    }
    if (!onlyTotal.isEmpty()) {
      kinds.add("only-total");
    }
    if (!extraValue.isEmpty() || reviewExtraValue) {
      kinds.add("extra-value");
    }
    return String.join("+", kinds);
  }

  @Override
  public String toString() {
    return kinds() + " fullWidth=" + fullWidth + " trailingTabs=" + trailingTabs + " broken="
        + new TreeSet<>(brokenLabels) + " onlyTotal=" + new TreeSet<>(onlyTotal) + " extra="
        + new TreeSet<>(extraValue) + " spaceBeforeLabels=" + spaceBeforeLabels + " reviewRunTogether="
        + reviewRunTogether + " reviewExtra=" + reviewExtraValue;
  }
}

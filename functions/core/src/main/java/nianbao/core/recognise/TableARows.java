package nianbao.core.recognise;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Table A's rows wherever they stand in section 二. Conversions print its small tables （五）（六）（八） as loose
 * lines before item （一）, or pull its 本年废止件数 column out of the table: rows not found in template order are
 * looked for in any order after the first 第二十条, then before it as lines that hold only the label and its
 * values (so the narrative's "办理行政许可10690件" never counts), and a 废止 column printed apart is put back.
 */
final class TableARows {
  /** How much may stand before a label on a loose line: "（五）", "行政" before 规范性文件. */
  private static final int LINE_PREFIX = 4;

  private TableARows() {}

  /**
   * @param sectionFrom where section 二's content starts
   * @param tableFrom   where its table starts (the first 第二十条), or sectionFrom
   */
  static LabelFinder.Hit[] find(FlatText flat, int sectionFrom, int tableFrom, int to, List<RowSpec> rows,
      String section, RecognitionNotes notes) {
    LabelFinder.Hit[] hits = LabelFinder.find(flat, tableFrom, to, rows, section, notes);
    if (Arrays.stream(hits).allMatch(h -> h != null)) {
      return hits;
    }
    boolean added = false;
    for (int r = 0; r < rows.size(); r++) {
      if (hits[r] != null) {
        continue;
      }
      int[] span = anywhere(flat, rows.get(r), flat.compactPos(tableFrom), flat.compactPos(to), hits);
      if (span == null) {
        span = looseLine(flat, rows.get(r), flat.compactPos(sectionFrom), flat.compactPos(tableFrom), hits);
      }
      if (span != null) {
        hits[r] = new LabelFinder.Hit(flat.textPos(span[0]), flat.textPos(span[1] - 1) + 1, to, null);
        added = true;
      }
    }
    return added ? withValuesInTextOrder(hits, to) : hits;
  }

  /**
   * The 本年废止件数 column printed apart from its table (2021 template): the header prints 本年制发件数 right
   * before 现行有效件数, and 本年废止件数 stands elsewhere in section 二 followed right away by exactly two numbers, for 规章
   * and 行政规范性文件. Those two numbers, or null.
   */
  static List<String> detachedRepealed(FlatText flat, int from, int to) {
    String compact = flat.compact;
    int cFrom = flat.compactPos(from);
    int cTo = flat.compactPos(to);
    int header = LabelFinder.indexOf(compact, "制发件数现行有效件数", cFrom, cTo);
    if (header < 0) {
      return null;
    }
    for (String word : List.of("本年度废止件数", "本年废止件数", "废止件数")) {
      int at = LabelFinder.indexOf(compact, word, cFrom, cTo);
      int after = at + word.length();
      if (at >= 0 && after < cTo && Character.isDigit(compact.charAt(after))) {
        List<String> values = ValueScanner.scan(flat.text, flat.textPos(after), to, 0);
        boolean numbers = values.size() == 2 && values.stream().allMatch(v -> v != null && ValueScanner.isDigits(v));
        return numbers ? values : null;
      }
    }
    return null;
  }

  /** Each row's values end where the next label in the text starts, whatever its row. */
  private static LabelFinder.Hit[] withValuesInTextOrder(LabelFinder.Hit[] hits, int to) {
    Integer[] order = new Integer[hits.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> hits[i] == null ? Integer.MAX_VALUE : hits[i].labelStart()));
    LabelFinder.Hit[] out = new LabelFinder.Hit[hits.length];
    for (int k = 0; k < order.length && hits[order[k]] != null; k++) {
      LabelFinder.Hit hit = hits[order[k]];
      int end = k + 1 < order.length && hits[order[k + 1]] != null ? hits[order[k + 1]].labelStart() : to;
      out[order[k]] = new LabelFinder.Hit(hit.labelStart(), hit.labelEnd(), Math.max(hit.labelEnd(), end),
          hit.damaged());
    }
    return out;
  }

  /** The row's first label in compact {@code [from, to)} that no row found already covers. */
  private static int[] anywhere(FlatText flat, RowSpec row, int from, int to, LabelFinder.Hit[] found) {
    for (String word : row.keywords()) {
      for (int at = LabelFinder.indexOf(flat.compact, word, from, to); at >= 0;
          at = LabelFinder.indexOf(flat.compact, word, at + 1, to)) {
        if (!covered(flat, at, at + word.length(), found)) {
          return new int[] {at, at + word.length()};
        }
      }
    }
    return null;
  }

  /** A line in compact {@code [from, to)} that holds only the row's label (after a short prefix) and numbers. */
  private static int[] looseLine(FlatText flat, RowSpec row, int from, int to, LabelFinder.Hit[] found) {
    String compact = flat.compact;
    for (String word : row.keywords()) {
      for (int at = LabelFinder.indexOf(compact, word, from, to); at >= 0;
          at = LabelFinder.indexOf(compact, word, at + 1, to)) {
        int lineStart = at;
        while (lineStart > from && !flat.lineBreakBefore(lineStart)) {
          lineStart--;
        }
        int end = at + word.length();
        if (at - lineStart > LINE_PREFIX || covered(flat, at, end, found) || !onlyValuesToLineEnd(flat, end, to)) {
          continue;
        }
        return new int[] {at, end};
      }
    }
    return null;
  }

  private static boolean onlyValuesToLineEnd(FlatText flat, int from, int to) {
    boolean digit = false;
    for (int k = from; k < to; k++) {
      if (k > from && flat.lineBreakBefore(k)) {
        break;
      }
      char c = flat.compact.charAt(k);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (".-—/".indexOf(c) < 0 && c != FlatText.BLANK && c != FlatText.SOFT_BLANK) {
        return false;
      }
    }
    return digit;
  }

  private static boolean covered(FlatText flat, int compactFrom, int compactTo, LabelFinder.Hit[] found) {
    int from = flat.textPos(compactFrom);
    int to = flat.textPos(compactTo - 1) + 1;
    for (LabelFinder.Hit hit : found) {
      if (hit != null && from < hit.labelEnd() && hit.labelStart() < to) {
        return true;
      }
    }
    return false;
  }
}

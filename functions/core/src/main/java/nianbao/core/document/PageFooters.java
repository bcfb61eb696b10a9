package nianbao.core.document;

/**
 * Page footers that converters leave inside a document's text and tables ("— 3 —", "- 3 -", "第 3 页 共 6 页"):
 * never values. The Markdown reader drops a table row that holds only one; the recogniser blanks such lines in
 * converted text (ConversionMarks).
 */
public final class PageFooters {
  private PageFooters() {}

  /**
   * A page footer on a line of its own: "— 3 —", "- 3 -", "第 3 页", "第3页 共6页", "共 6 页 第 3 页",
   * "第 3 页 / 共 6 页". A bare number is not one: in a table it is a value.
   */
  public static boolean isFooter(String line) {
    int from = 0;
    int to = line.length();
    while (from < to && isEdge(line.charAt(from))) {
      from++;
    }
    while (to > from && isEdge(line.charAt(to - 1))) {
      to--;
    }
    if (from == to || to - from > 24) {
      return false;
    }
    char first = line.charAt(from);
    if (isDash(first) && isDash(line.charAt(to - 1))) {
      int i = from;
      while (i < to && (isDash(line.charAt(i)) || isBlank(line.charAt(i)))) {
        i++;
      }
      int digits = 0;
      while (i < to && Character.isDigit(line.charAt(i))) {
        i++;
        digits++;
      }
      while (i < to && (isDash(line.charAt(i)) || isBlank(line.charAt(i)))) {
        i++;
      }
      return digits > 0 && digits <= 4 && i == to;
    }
    if (first != '第' && first != '共') {
      return false;
    }
    // only 第, 共, 页, digits, separators
    boolean page = false;
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (c == '页') {
        page = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else if (c != '第' && c != '共' && c != '/' && c != '／' && c != ',' && c != '，' && c != '、' && !isBlank(c)) {
        return false;
      }
    }
    return page && digit;
  }

  private static boolean isDash(char c) {
    return c == '-' || c == '—' || c == '–' || c == '－' || c == '~';
  }

  /** The blanks a converted line may carry between cells (also the recogniser's, ConversionMarks). */
  public static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\f';
  }

  /** Blank, or the pipe of a Markdown row holding a footer as its one cell ("| — 3 — |"). */
  private static boolean isEdge(char c) {
    return isBlank(c) || c == '|';
  }
}

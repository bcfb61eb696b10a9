package nianbao.core.recognise;

import nianbao.core.document.PageFooters;
/**
 * What PDF-to-text and PDF-to-Markdown conversions add to a report's lines that the report does not print:
 * Markdown table syntax (pipes between cells, ruling lines, backslash escapes), page footers inside tables
 * ("— 3 —", "第 3 页 共 6 页") and the column names a converter invents for a table cut in parts ("数据1").
 *
 * <p>Every change keeps the line's length, one character for one, so positions still point into the printed
 * text: a pipe becomes a tab (a cell edge), a ruling or footer line becomes spaces, an escape's backslash moves
 * after the character it escaped.
 */
final class ConversionMarks {
  private ConversionMarks() {}

  /** The text with conversion marks turned into whitespace, line by line, same length. */
  static String clean(String text) {
    if (text.indexOf('\n') < 0) {
      return cleanLine(text);
    }
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        out.append(cleanLine(text.substring(start, i)));
        if (i < text.length()) {
          out.append('\n');
        }
        start = i + 1;
      }
    }
    return out.toString();
  }

  private static String cleanLine(String line) {
    int n = line.length();
    if (n == 0) {
      return line;
    }
    if (isRuling(line) || isFooter(line)) {
      return " ".repeat(n);
    }
    char[] out = null;
    boolean pipeRow = isPipeRow(line);
    // most lines have neither a pipe row's pipes nor an escape: nothing to walk through
    for (int i = pipeRow ? 0 : line.indexOf('\\'); i >= 0 && i < n; i++) {
      char c = line.charAt(i);
      if (pipeRow && c == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
        out = edit(out, line);
        out[i] = '\t';
      } else if (c == '\\' && i + 1 < n && isEscapable(line.charAt(i + 1))) {
        // "1\." → "1. ": the list marker reads as printed
        out = edit(out, line);
        out[i] = line.charAt(i + 1);
        out[i + 1] = ' ';
        i++;
      }
    }
    String cleaned = out == null ? line : new String(out);
    return hasInventedColumnName(cleaned) ? blankInventedColumnNames(cleaned) : cleaned;
  }

  /**
   * A table cell's text without an invented column name ("数据3" → spaces); a cell that is only a ruling — a nested
   * table's "----------" that a converter put inside a cell of the outer one — is blank, not a placeholder dash.
   */
  static String cleanCell(String cell) {
    if (cell.indexOf("---") >= 0 && isRuling(cell)) {
      return " ".repeat(cell.length());
    }
    return hasInventedColumnName(cell) ? blankInventedColumnNames(cell) : cell;
  }

  private static char[] edit(char[] out, String line) {
    return out != null ? out : line.toCharArray();
  }

  private static boolean isEscapable(char c) {
    return c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*' || c == '_' || c == '-' || c == '#'
        || c == '|' || c == '+' || c == '`';
  }

  /**
   * "| a | b |": a Markdown pipe-table row (also a grid table's content line); and the rows a site crawler stores
   * for a web page's table — "a | b | c |", a cell per line ("71 |"), a blank cell or the positions a merged cell
   * covers as a line of pipes alone ("|", "|||"): a line that ends with a pipe.
   */
  static boolean isPipeRow(String line) {
    int first = 0;
    while (first < line.length() && isBlank(line.charAt(first))) {
      first++;
    }
    if (first == line.length()) {
      return false;
    }
    int last = line.length() - 1;
    while (isBlank(line.charAt(last))) {
      last--;
    }
    if (line.charAt(last) == '|' && (last == 0 || line.charAt(last - 1) != '\\')) {
      return true;
    }
    return line.charAt(first) == '|' && line.indexOf('|', first + 1) > 0;
  }

  /** A Markdown table's ruling: "|---|:--:|", "  ----- ------", "+=====+====+", at least three dashes or equals. */
  static boolean isRuling(String line) {
    int run = 0;
    int longest = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '-' || c == '=') {
        longest = Math.max(longest, ++run);
      } else if (c != '|' && c != '+' && c != ':' && !isBlank(c)) {
        return false;
      } else {
        run = 0;
      }
    }
    // "- - -" is a row of placeholder cells, not a ruling
    return longest >= 3;
  }

  /** A page footer on a line of its own ({@link PageFooters}). */
  static boolean isFooter(String line) {
    return PageFooters.isFooter(line);
  }

  private static boolean isBlank(char c) {
    return PageFooters.isBlank(c);
  }

  private static final String[] INVENTED = {"数据", "列", "栏", "Column", "column", "Col", "col"};

  private static boolean hasInventedColumnName(String s) {
    return s.contains("数据") || s.indexOf('列') >= 0 || s.indexOf('栏') >= 0 || s.contains("ol");
  }

  /** A cell that is only an invented name and a number ("数据1", "列 2", "Column3") becomes spaces. */
  private static String blankInventedColumnNames(String s) {
    char[] out = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      int start = i;
      if (start > 0 && !isCellEdge(s.charAt(start - 1))) {
        i++;
        continue;
      }
      int end = -1;
      for (String word : INVENTED) {
        if (s.startsWith(word, start)) {
          int j = start + word.length();
          while (j < n && s.charAt(j) == ' ') {
            j++;
          }
          int digits = 0;
          while (j < n && Character.isDigit(s.charAt(j))) {
            j++;
            digits++;
          }
          if (digits > 0 && digits <= 2 && (j == n || isCellEdge(s.charAt(j)))) {
            end = j;
          }
          break;
        }
      }
      if (end > 0) {
        out = out != null ? out : s.toCharArray();
        for (int k = start; k < end; k++) {
          out[k] = ' ';
        }
        i = end;
      } else {
        i++;
      }
    }
    return out == null ? s : new String(out);
  }

  private static boolean isCellEdge(char c) {
    return isBlank(c) || c == '|' || c == '\n';
  }
}

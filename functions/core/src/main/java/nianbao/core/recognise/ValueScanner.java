package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values printed after a row's label: a run of numbers, blank cells and placeholders, up to the
 * next label text. A trailing list marker that belongs to the next row's label ("…0 0 0 2.其他法律…",
 * or run together as "00000002.其他法律…") is not a value and is removed.
 */
final class ValueScanner {
  /** The token of an empty cell right after a label (see {@link FlatText#SOFT_BLANK}); compare by identity. */
  static final String SOFT_BLANK = new String("soft-blank");

  private ValueScanner() {}

  /**
   * @param nextMarker the list number that starts the next row's label (1–8), or 0 when it has none
   * @return the tokens in order; {@code null} stands for a blank cell
   */
  static List<String> scan(String text, int from, int to, int nextMarker) {
    return run(text, from, to, nextMarker).tokens();
  }

  /** {@link #scan}, with where reading stopped. */
  static Run scanRun(String text, int from, int to, int nextMarker) {
    return run(text, from, to, nextMarker);
  }

  /** Whether any digit stands in [from, to): where none does, no further run of values can hold a number. */
  static boolean anyDigit(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * Values of a table printed as blocks of numbers between header words (table C): runs are collected
   * until at least {@code wanted} values are read.
   */
  static List<String> scanRuns(String text, int from, int to, int wanted) {
    return runs(text, from, to, wanted).tokens();
  }

  /** The values of {@link #scanRuns} and how many separate runs (between words) they came from. */
  record Runs(List<String> tokens, int count) {}

  static Runs runs(String text, int from, int to, int wanted) {
    Tokens tokens = new Tokens();
    int count = 0;
    int at = from;
    while (at < to && tokens.size() < wanted) {
      Run run = run(text, at, to, 0);
      // a header row's empty cells are not values: only runs that hold a number count
      if (holdsValue(run.tokens())) {
        tokens.addAllFrom(run.tokens());
        count++;
      }
      if (run.end() <= at) {
        break;
      }
      at = run.end();
    }
    return new Runs(tokens, count);
  }

  /** The values of each line between two positions that holds any: a row's numbers printed on a line of their own. */
  static List<List<String>> lines(String text, int from, int to) {
    List<List<String>> out = new ArrayList<>();
    int start = from;
    while (start < to) {
      int end = text.indexOf('\n', start);
      end = end < 0 || end > to ? to : end;
      List<String> values = scanRuns(text, start, end, Integer.MAX_VALUE);
      if (holdsValue(values)) {
        out.add(values);
      }
      start = end + 1;
    }
    return out;
  }

  /** Whether any token is a printed value, not a blank cell. */
  static boolean holdsValue(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t != null && t != SOFT_BLANK) {
        return true;
      }
    }
    return false;
  }

  /** The values read and the position where reading stopped. */
  record Run(List<String> tokens, int end) {}

  private static Run run(String text, int from, int to, int nextMarker) {
    Tokens tokens = new Tokens();
    int i = from;
    while (i < to && !startsValue(text, i, from, to)) {
      i++;
    }
    int tokenStart = -1; // none being read
    char stop = 0;
    boolean thousands = commasGroupThousands(text, i, to);
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c == ',' && thousands) {
        continue;
      } else if (c == FlatText.BLANK) {
        tokenStart = flush(text, tokenStart, i, thousands, tokens);
        tokens.add(null);
      } else if (c == FlatText.SOFT_BLANK) {
        tokenStart = flush(text, tokenStart, i, thousands, tokens);
        tokens.add(SOFT_BLANK);
      } else if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
        tokenStart = flush(text, tokenStart, i, thousands, tokens);
      } else if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '—' || c == '/' || c == '–') {
        if (tokenStart < 0) {
          tokenStart = i;
        }
      } else {
        stop = c;
        break;
      }
    }
    flush(text, tokenStart, i, thousands, tokens);
    // The run ends at the next label; a last token "2." (or "2" before "、") is that label's list number.
    String last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    if (last != null && (last.endsWith(".") || stop == '、')) {
      stripMarker(tokens, nextMarker);
    }
    return new Run(tokens, stop == 0 ? to : i + 1);
  }

  /**
   * Whether the commas of the run starting at {@code from} are thousands separators ("1,234"), not cell
   * separators ("13,0,0"): only if every one of them stands between a digit and exactly three digits.
   */
  private static boolean commasGroupThousands(String text, int from, int to) {
    boolean any = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ',') {
        int before = 0;
        while (i - before > from && Character.isDigit(text.charAt(i - before - 1))) {
          before++;
        }
        int after = 0;
        while (i + after + 1 < to && Character.isDigit(text.charAt(i + after + 1))) {
          after++;
        }
        boolean firstGroup = i - before - 1 < from || text.charAt(i - before - 1) != ',';
        if (before < 1 || before > 3 || after != 3 || firstGroup && text.charAt(i - before) == '0') {
          return false;
        }
        any = true;
      } else if (!isValueChar(c)) {
        break;
      }
    }
    return any;
  }

  private static boolean isValueChar(char c) {
    return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '—' || c == '/' || c == '–' || c == ' ' || c == '\t'
        || c == '\n' || c == FlatText.BLANK || c == FlatText.SOFT_BLANK;
  }

  private static void stripMarker(List<String> tokens, int nextMarker) {
    int last = tokens.size() - 1;
    String t = tokens.get(last);
    if (t == null || t == SOFT_BLANK) {
      return;
    }
    if (t.endsWith(".")) {
      t = t.substring(0, t.length() - 1);
    }
    String marker = nextMarker > 0 ? Integer.toString(nextMarker) : null;
    if (marker != null && t.endsWith(marker) && isDigits(t)) {
      t = t.substring(0, t.length() - marker.length());
    } else if (t.length() <= 2 && isDigits(t)) {
      // the list number of another row's label: the expected row's label is lost or moved
      t = "";
    }
    if (t.isEmpty()) {
      tokens.remove(last);
    } else {
      tokens.set(last, t);
    }
  }

  /** The one-digit values, by far the most printed: one string each, not one per cell of every report. */
  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

  /**
   * Ends the token read from {@code start} to {@code end} (exclusive) of the text, if one is being read (start not
   * negative): its characters, without the commas skipped as thousands separators.
   *
   * @return -1: no token is being read any more
   */
  private static int flush(String text, int start, int end, boolean thousands, Tokens tokens) {
    if (start < 0) {
      return -1;
    }
    char first = text.charAt(start);
    if (end - start == 1 && first >= '0' && first <= '9') {
      tokens.add(DIGITS[first - '0'], start, end);
      return -1;
    }
    int comma = thousands ? text.indexOf(',', start) : -1;
    String t = comma >= 0 && comma < end ? text.substring(start, end).replace(",", "") : text.substring(start, end);
    if (t.equals("-") || t.equals("—") || t.equals("/") || t.equals("–") || t.equals("——") || t.equals("--")) {
      tokens.add(null);
    } else {
      tokens.add(t, start, end);
    }
    return -1;
  }

  /** A digit, a minus before a digit, a blank cell, or a placeholder dash or slash standing alone as a cell. */
  private static boolean startsValue(String text, int i, int from, int to) {
    char c = text.charAt(i);
    if ((c >= '0' && c <= '9') || c == FlatText.BLANK || c == FlatText.SOFT_BLANK) {
      return true;
    }
    if (c == '-' && i + 1 < to && Character.isDigit(text.charAt(i + 1))) {
      return true;
    }
    if (c == '-' || c == '—' || c == '/' || c == '–') {
      boolean before = i == from || isCellEdge(text.charAt(i - 1));
      int j = i + 1;
      while (j < to && text.charAt(j) == c) {
        j++;
      }
      boolean after = j >= to || isCellEdge(text.charAt(j));
      return before && after;
    }
    return false;
  }

  private static boolean isCellEdge(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == FlatText.BLANK;
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

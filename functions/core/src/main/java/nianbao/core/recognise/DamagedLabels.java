package nianbao.core.recognise;

import java.util.regex.Pattern;

/**
 * Finds a row whose printed label the publisher damaged ("2.其他法律行政止公开" for 其他法律行政法规禁止公开),
 * so its keywords are not there. Tried only for a row not found by its keywords, only between the rows found
 * around it, so a candidate stands where the row belongs; it must carry the row's list number, be close to the
 * row's template label, and share clearly more of it than of any other label or header of the three tables.
 */
final class DamagedLabels {
  /** Shorter labels (重复申请, 行政许可, 总计) differ from others by a character or two: never matched by likeness. */
  static final int MIN_LABEL = 5;
  /** How much text between two found rows is searched; more is not one damaged label but a missing row. */
  static final int MAX_WINDOW = 600;
  /** How many runs of label text a window may offer before the search gives up. */
  private static final int MAX_CANDIDATES = 12;
  /** Likeness needed with the row's list number, and without it where the row has one. */
  static final double WITH_MARKER = 0.75;
  static final double WITHOUT_MARKER = 0.9;
  /**
   * How many more characters a damaged label must share with its own label than with any other: labels that
   * differ in a few characters (本年新收… / 上年结转…) are told apart by those characters.
   */
  static final int MARGIN = 2;

  /** "（四）", "三、" before a label. */
  private static final Pattern NUMBERING = Pattern.compile("^(\\([一二三四五六七八九十]+\\)|[一二三四五六七八九十]+[、.])");

  private DamagedLabels() {}

  /**
   * A label found by likeness: its compact span (from the list number when there is one) and where its text
   * starts after the number.
   */
  record Match(int start, int labelStart, int end) {}

  /**
   * The first run of label text in compact {@code [from, to)} that is row {@code key}'s label damaged, or null.
   *
   * @param marker the row's list number (2 for "2.其他法律…"), or 0 where it has none
   */
  static Match find(String compact, int from, int to, String key, int marker) {
    String label = TemplateLabels.of(key);
    if (label == null || label.length() < MIN_LABEL || to - from > MAX_WINDOW) {
      return null;
    }
    int candidates = 0;
    int i = from;
    while (i < to && candidates < MAX_CANDIDATES) {
      while (i < to && !isLabelChar(compact.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && isLabelChar(compact.charAt(i))) {
        i++;
      }
      if (i > start) {
        candidates++;
        Match match = judge(compact, start, i, key, label, marker);
        if (match != null) {
          return match;
        }
      }
    }
    return null;
  }

  private static Match judge(String compact, int start, int end, String key, String label, int marker) {
    String run = compact.substring(start, end);
    int printedMarker = markerBefore(compact, start, run);
    if (marker == 0 && printedMarker > 0 || marker > 0 && printedMarker > 0 && printedMarker != marker) {
      return null;
    }
    String letters = TemplateLabels.letters(strippedOfHeadings(run));
    if (letters.length() > 2 * label.length() + 6 || letters.length() < Math.ceil(0.6 * label.length())) {
      return null;
    }
    int common = commonSubsequence(letters, label);
    double likeness = likeness(common, letters, label);
    double needed = marker > 0 && printedMarker == 0 ? WITHOUT_MARKER : WITH_MARKER;
    if (common < Math.max(4, Math.ceil(0.6 * label.length())) || likeness < needed) {
      return null;
    }
    for (TemplateLabels.Known other : TemplateLabels.ALL) {
      if (key.equals(other.key()) || other.text().equals(label)) {
        continue;
      }
      if (commonSubsequence(letters, other.text()) > common - MARGIN) {
        return null;
      }
    }
    int labelStart = start;
    while (labelStart < end && (compact.charAt(labelStart) == '、')) {
      labelStart++;
    }
    int markerStart = printedMarker > 0 ? start - (compact.charAt(start) == '、' ? 1 : 2) : start;
    return new Match(markerStart, labelStart, end);
  }

  /** Dice's coefficient over a common subsequence: 1 for the same text, 0 for nothing in common. */
  static double likeness(int common, String a, String b) {
    return 2.0 * common / (a.length() + b.length());
  }

  /** The list number printed right before a run ("2." or "2、"), or 0. */
  private static int markerBefore(String compact, int start, String run) {
    int digitAt = run.charAt(0) == '、' ? start - 1 : start >= 2 && compact.charAt(start - 1) == '.' ? start - 2 : -1;
    if (digitAt < 0 || digitAt >= compact.length()) {
      return 0;
    }
    char c = compact.charAt(digitAt);
    return c >= '1' && c <= '9' ? c - '0' : 0;
  }

  /** Without the numbering and group headings a label may run into: "三、本年度办理结果(一)予以公开" → 予以公开. */
  static String strippedOfHeadings(String run) {
    String s = run;
    while (true) {
      String before = s;
      while (!s.isEmpty() && "、.)".indexOf(s.charAt(0)) >= 0) {
        s = s.substring(1);
      }
      s = NUMBERING.matcher(s).replaceFirst("");
      for (String heading : TemplateLabels.GROUP_HEADINGS) {
        if (s.startsWith(heading) && s.length() > heading.length()) {
          s = s.substring(heading.length());
        }
      }
      if (s.equals(before)) {
        return s;
      }
    }
  }

  /** Length of the longest common subsequence; both texts are short (labels, at most ~70 characters). */
  static int commonSubsequence(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      char c = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        current[j] = c == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Text that may belong to a label: not a digit, a decimal point or a blank cell. */
  private static boolean isLabelChar(char c) {
    return !(c >= '0' && c <= '9') && c != '.' && c != FlatText.BLANK && c != FlatText.SOFT_BLANK;
  }
}

package nianbao.core.recognise;

import java.util.List;
import nianbao.core.model.Location;

/**
 * Finds table rows by their labels, in order, within one section of the text, and hands each row the text
 * between its label and the next row's label, where its values are. A row whose label words are not there is
 * looked for by likeness between the rows found around it ({@link DamagedLabels}); S2 names such a label.
 */
final class LabelFinder {
  private LabelFinder() {}

  /**
   * A found label: where its keyword starts and ends, and where the row's values end; {@code damaged} is the
   * label as printed where it was found by likeness, else null.
   */
  record Hit(int labelStart, int labelEnd, int valuesEnd, String damaged) {}

  /**
   * @param section the section whose table this is, for the S2 note on a damaged label
   * @return one entry per row spec, null where the label was not found
   */
  static Hit[] find(FlatText flat, int fromText, int toText, List<RowSpec> rows, String section,
      RecognitionNotes notes) {
    String compact = flat.compact;
    int from = flat.compactPos(fromText);
    int cursor = from;
    int limit = flat.compactPos(toText);
    int[][] spans = new int[rows.size()][];
    for (int r = 0; r < rows.size(); r++) {
      int[] span = earliest(compact, rows.get(r).keywords(), cursor, limit);
      if (span == null) {
        continue;
      }
      // A label found beyond the next row's label belongs to something later: this row is missing.
      if (r + 1 < rows.size()) {
        int[] next = earliest(compact, rows.get(r + 1).keywords(), cursor, span[0]);
        if (next != null && !overlaps(next, span) && !insideLongerHeading(compact, next)) {
          continue;
        }
      }
      spans[r] = span;
      cursor = span[1];
    }
    String[] damaged = findDamaged(flat, from, limit, rows, spans);
    Hit[] hits = new Hit[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      if (spans[r] == null) {
        continue;
      }
      int valuesEndCompact = nextStart(spans, r, limit);
      int start = flat.textPos(spans[r][0]);
      int end = flat.textPos(spans[r][1] - 1) + 1;
      int valuesEnd = valuesEndCompact >= limit ? toText : flat.textPos(valuesEndCompact);
      hits[r] = new Hit(start, end, Math.max(end, valuesEnd), damaged[r]);
      if (damaged[r] != null) {
        String label = TemplateLabels.of(rows.get(r).key());
        notes.assume(Location.row(section, rows.get(r).key()), "行标签印为“" + damaged[r] + "”，与模板的“" + label
            + "”不符（文字缺损），按其序号、在表中的位置和文字相近认定为该行，并取其数值", label, damaged[r]);
      }
    }
    return hits;
  }

  /**
   * Rows not found by their words, looked for by likeness between the nearest rows found before and after;
   * the spans of those found are filled in.
   *
   * @return per row, the damaged label as printed, or null
   */
  private static String[] findDamaged(FlatText flat, int from, int limit, List<RowSpec> rows, int[][] spans) {
    String[] printed = new String[rows.size()];
    int previousEnd = from;
    for (int r = 0; r < rows.size(); r++) {
      if (spans[r] != null) {
        previousEnd = spans[r][1];
        continue;
      }
      int nextStart = nextStart(spans, r, limit);
      RowSpec spec = rows.get(r);
      DamagedLabels.Match match = DamagedLabels.find(flat.compact, previousEnd, nextStart, spec.key(), spec.marker());
      if (match != null) {
        spans[r] = new int[] {match.labelStart(), match.end()};
        printed[r] = flat.printed(flat.textPos(match.start()), flat.textPos(match.end() - 1) + 1)
            .replaceAll("\\s+", " ");
        previousEnd = match.end();
      }
    }
    return printed;
  }

  /** Where the first row found after row {@code r} starts, or {@code limit}. */
  private static int nextStart(int[][] spans, int r, int limit) {
    for (int next = r + 1; next < spans.length; next++) {
      if (spans[next] != null) {
        return spans[next][0];
      }
    }
    return limit;
  }

  /** Where {@code word} starts, entirely before {@code limit}, or -1; never looks past the limit. */
  static int indexOf(String text, String word, int from, int limit) {
    char first = word.charAt(0);
    int last = limit - word.length();
    for (int i = text.indexOf(first, from); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
      if (text.startsWith(word, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a label word stands inside a group heading longer than itself: 其他 (3.其他) in （六）其他处理 is the
   * heading, not the row, and must not make the row before it missing.
   */
  private static boolean insideLongerHeading(String compact, int[] span) {
    int length = span[1] - span[0];
    for (String heading : TemplateLabels.GROUP_HEADINGS) {
      for (int start = Math.max(0, span[1] - heading.length()); heading.length() > length && start <= span[0]; start++) {
        if (compact.startsWith(heading, start)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean overlaps(int[] a, int[] b) {
    return a[0] < b[1] && b[0] < a[1];
  }

  private static int[] earliest(String compact, List<String> keywords, int from, int limit) {
    int best = -1;
    int bestLength = 0;
    for (String keyword : keywords) {
      int at = indexOf(compact, keyword, from, best < 0 ? limit : Math.min(limit, best + keyword.length()));
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        bestLength = keyword.length();
      }
    }
    return best < 0 ? null : new int[] {best, best + bestLength};
  }
}

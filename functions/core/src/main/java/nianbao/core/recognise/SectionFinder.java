package nianbao.core.recognise;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Finds the six section headings (一、总体情况 … 六、其他需要报告的事项) and the title line.
 *
 * <p>Headings are searched in order, each after the one before, on the whitespace-free text, so that
 * "五、存在的主要问题 及改进情况" or a heading run into the previous paragraph still counts. A heading is a
 * Chinese numeral, a separator and one of the section's phrases within a few characters; the table rows
 * "一、本年新收…" or "四、结转下年度…" never carry those phrases.
 */
final class SectionFinder {
  static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};

  /** Each section's phrases, longest first: the match's end is where the section's own text starts. */
  private static final List<List<String>> PHRASES = List.of(
      List.of("总体情况", "概述", "基本情况", "总体概况"),
      List.of("主动公开政府信息情况", "主动公开政府信息", "主动公开情况"),
      List.of("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "依申请公开政府信息情况",
          "收到和处理", "依申请公开"),
      List.of("政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议,行政诉讼情况", "行政复议、行政诉讼情况",
          "行政复议", "行政诉讼"),
      List.of("政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进情况", "存在的主要问题和改进情况",
          "存在的问题及改进情况", "主要问题及改进情况", "存在的主要问题", "存在的问题", "主要问题", "问题及改进"),
      List.of("其他需要报告的事项", "其他需要报告事项", "其他需要报告", "其他事项"));

  /** How far after the separator a phrase may start ("四、因政府信息公开申请行政复议…"). */
  private static final int PHRASE_WINDOW = 14;

  /** Heading positions: start and end in the normalised text, -1 where not found. */
  record Headings(int[] start, int[] end, String[] damaged) {
    Headings(int[] start, int[] end) {
      this(start, end, new String[start.length]);
    }

    boolean found(int section) {
      return start[section] >= 0;
    }

    int foundCount() {
      int n = 0;
      for (int s : start) {
        if (s >= 0) {
          n++;
        }
      }
      return n;
    }

    /** Where section {@code s}'s content ends: the next heading found, or {@code textEnd}. */
    int contentEnd(int s, int textEnd) {
      for (int next = s + 1; next < start.length; next++) {
        if (start[next] >= 0) {
          return start[next];
        }
      }
      return textEnd;
    }
  }

  private SectionFinder() {}

  static Headings find(FlatText flat) {
    String compact = flat.compact;
    int[] start = new int[6];
    int[] end = new int[6];
    String[] damaged = new String[6];
    int cursor = 0;
    for (int s = 0; s < 6; s++) {
      int[] hit = findHeading(compact, s, cursor, true);
      IntFunction<int[]> again = from -> findHeading(compact, 0, from, true);
      if (hit == null) {
        hit = findHeadingLine(flat, s, cursor);
        again = from -> findHeadingLine(flat, 0, from);
      }
      if (hit == null) {
        hit = findHeading(compact, s, cursor, false);
      }
      if (hit == null) {
        hit = findDamagedHeading(flat, s, cursor);
        if (hit != null) {
          damaged[s] = compact.substring(hit[0], hit[1]);
        }
      }
      if (hit == null) {
        start[s] = -1;
        end[s] = -1;
        continue;
      }
      if (s == 0) {
        hit = lastRepeatOfFirstHeading(again, hit);
      }
      start[s] = flat.textPos(hit[0]);
      end[s] = flat.textPos(hit[1] - 1) + 1;
      cursor = hit[1];
    }
    return new Headings(start, end, damaged);
  }

  /** The longest a damaged heading's words may run beyond its phrase's. */
  private static final int DAMAGE_SLACK = 2;

  /**
   * A heading whose words were damaged in printing or recognition ("一、和名体情况" for 一、总体情况, a scan's
   * misread): a line that starts with the section's numeral and "、" and holds nothing but a phrase of four or
   * more characters with at most one of them lost or changed. Tried only when no other way found the heading; the
   * recogniser notes the words as printed (S2), so the section is read, never blamed as missing on a misread.
   *
   * @return {compactStart, compactEnd} of the heading, or null
   */
  private static int[] findDamagedHeading(FlatText flat, int section, int from) {
    String compact = flat.compact;
    char numeral = NUMERALS[section].charAt(0);
    int n = compact.length();
    for (int i = compact.indexOf(numeral, from); i >= 0 && i + 2 < n; i = compact.indexOf(numeral, i + 1)) {
      if (compact.charAt(i + 1) != '、' || !flat.lineBreakBefore(i)) {
        continue;
      }
      int lineEnd = i + 2;
      while (lineEnd < n && !flat.lineBreakBefore(lineEnd) && lineEnd - i <= 20) {
        lineEnd++;
      }
      String words = compact.substring(i + 2, lineEnd);
      for (String phrase : PHRASES.get(section)) {
        if (phrase.length() >= 4 && words.length() <= phrase.length() + DAMAGE_SLACK
            && words.chars().noneMatch(Character::isDigit) && DamagedLabels.commonSubsequence(words, phrase) >= phrase.length() - 1) {
          return new int[] {i, lineEnd};
        }
      }
    }
    return null;
  }

  /** Some documents print the title and 一、总体情况 twice; the section starts after the last copy. */
  private static int[] lastRepeatOfFirstHeading(IntFunction<int[]> findFrom, int[] hit) {
    int[] current = hit;
    while (true) {
      int[] again = findFrom.apply(current[1]);
      if (again == null || again[0] - current[1] > REPEAT_WINDOW) {
        return current;
      }
      current = again;
    }
  }

  /** How close a second 一、总体情况 must follow the first to be a repeat rather than a new part. */
  private static final int REPEAT_WINDOW = 80;

  /**
   * The end of section 六's text: the document may go on with a second copy of the tables (pages saved
   * twice) or an appendix; a later 一/二 heading ends it.
   */
  static int endOfLastSection(FlatText flat, Headings headings) {
    if (!headings.found(5)) {
      return flat.text.length();
    }
    int from = flat.compactPos(headings.end()[5]);
    int[] again = findHeading(flat.compact, 1, from, true);
    int[] first = findHeading(flat.compact, 0, from, true);
    int cut = flat.text.length();
    if (again != null) {
      cut = Math.min(cut, flat.textPos(again[0]));
    }
    if (first != null) {
      cut = Math.min(cut, flat.textPos(first[0]));
    }
    return cut;
  }

  /** What may stand before a heading's phrase on its line instead of "一、": "1.", "（一）", "第一部分：". */
  private static final java.util.regex.Pattern LINE_MARKER = java.util.regex.Pattern.compile(
      "[第（(]?[一二三四五六123456１２３４５６]?[)）]?(部分)?[、.．:：,，)）]?");

  /**
   * A heading whose numeral is not in the text — Word's list numbering, an HTML {@code <ol>} — or is written
   * another way ("1.", "（一）", "第一部分"): a line holding only one of the section's phrases, after at most
   * such a marker, with at most a colon or full stop after it.
   *
   * @return {compactStart, compactEnd} of the heading, or null
   */
  private static int[] findHeadingLine(FlatText flat, int section, int from) {
    String compact = flat.compact;
    // the fullest phrase first: "（一）主动公开情况" inside 总体情况 must not pass for 主动公开政府信息情况
    for (String phrase : PHRASES.get(section)) {
      for (int at = compact.indexOf(phrase, from); at >= 0; at = compact.indexOf(phrase, at + 1)) {
        int lineStart = at;
        while (lineStart > from && at - lineStart <= 6 && !flat.lineBreakBefore(lineStart)) {
          lineStart--;
        }
        if (!flat.lineBreakBefore(lineStart)
            || !LINE_MARKER.matcher(compact.substring(lineStart, at)).matches()) {
          continue;
        }
        int end = at + phrase.length();
        if (end < compact.length() && "：:。".indexOf(compact.charAt(end)) >= 0) {
          end++;
        }
        if (flat.lineBreakBefore(end)) {
          return new int[] {lineStart, at + phrase.length()};
        }
      }
    }
    return null;
  }

  /** @return {compactStart, compactEnd} of the heading, or null */
  private static int[] findHeading(String compact, int section, int from, boolean numbered) {
    List<String> phrases = PHRASES.get(section);
    if (!numbered) {
      // Without its numeral only the long, unmistakable phrase counts (a sentence may list the sections).
      String phrase = phrases.get(0);
      int at = compact.indexOf(phrase, from);
      return at < 0 ? null : new int[] {at, at + phrase.length()};
    }
    char numeral = NUMERALS[section].charAt(0);
    int n = compact.length();
    for (int i = compact.indexOf(numeral, from); i >= 0 && i + 2 < n; i = compact.indexOf(numeral, i + 1)) {
      char sep = compact.charAt(i + 1);
      if (sep != '、' && sep != '.' && sep != ',' && sep != '．' && sep != ':') {
        continue;
      }
      if (i > 0 && (compact.charAt(i - 1) == '第' || compact.charAt(i - 1) == '(')) {
        continue;
      }
      int windowEnd = Math.min(n, i + 2 + PHRASE_WINDOW);
      for (int at = i + 2; at < windowEnd; at++) {
        // words may stand between the numeral and the phrase ("四、因…行政复议"), but not a number or
        // another item ("四、结转下年度继续办理0四、政府信息公开行政复议" is a table row, then the heading)
        if (Character.isDigit(compact.charAt(at)) || at >= i + 4 && compact.charAt(at - 1) == '、'
            && "一二三四五六七八九十".indexOf(compact.charAt(at - 2)) >= 0) {
          break;
        }
        for (String phrase : phrases) {
          if (compact.startsWith(phrase, at)) {
            return new int[] {i, at + phrase.length()};
          }
        }
      }
    }
    return null;
  }
}

package nianbao.core.recognise;

import nianbao.core.recognise.SectionFinder.Headings;

/**
 * Finds the title line — {@code <agency><year>年[度]政府信息公开工作年度报告} — and reads the agency and the year from
 * it, as printed. Real titles vary: the year in Chinese numerals (二〇二二年), the agency on a line of its own
 * above the rest (a title wrapped in a PDF or set in two lines), the year first (2022年某某局…), or the year in
 * brackets after it (…年度报告（2022年）).
 */
final class TitleFinder {
  /** Title, agency and year as printed; any may be null. */
  record Title(String title, String agency, Integer year) {}

  /** How far before the first heading, and into the document at most, a title is looked for. */
  private static final int AFTER_FIRST_HEADING = 200;
  private static final int SEARCH_LIMIT = 4000;
  /** Longest agency name read (characters). */
  private static final int MAX_AGENCY = 60;

  private TitleFinder() {}

  static Title find(FlatText flat, Headings headings) {
    String compact = flat.compact;
    int limit = compact.length();
    if (headings.found(0)) {
      limit = Math.min(limit, flat.compactPos(headings.start()[0]) + AFTER_FIRST_HEADING);
    }
    limit = Math.min(limit, SEARCH_LIMIT);
    for (int at = compact.indexOf("信息公开"); at >= 0 && at < limit; at = compact.indexOf("信息公开", at + 1)) {
      int after = at + 4;
      after = skip(compact, after, "工作");
      after = skip(compact, after, "年度");
      if (!compact.startsWith("报告", after)) {
        continue;
      }
      Title t = read(flat, at, after + 2);
      if (t != null) {
        return t;
      }
    }
    return new Title(null, null, null);
  }

  /** The title whose "信息公开" starts at {@code at} and whose "报告" ends at {@code end}; null if it has no year. */
  private static Title read(FlatText flat, int at, int end) {
    String compact = flat.compact;
    int before = at;
    boolean government = compact.startsWith("政府", before - 2);
    before = skipBack(compact, before, "政府");
    before = skipBack(compact, before, "本级");
    before = skipBack(compact, before, "度");
    int yearStart = before > 0 && compact.charAt(before - 1) == '年' ? yearBefore(compact, before - 1) : -1;
    if (yearStart >= 0) {
      // <agency><year>年…报告, the agency perhaps on the line above
      Integer year = year(compact.substring(yearStart, before - 1));
      int agencyStart = agencyStart(flat, yearStart);
      if (agencyStart == yearStart && flat.lineBreakBefore(yearStart)) {
        // the year starts its line: the agency may be the whole line above
        int above = lineAbove(flat, yearStart);
        if (above >= 0 && looksLikeAgency(compact.substring(above, yearStart))) {
          return title(flat, above, yearStart, end, year);
        }
      }
      return title(flat, agencyStart, yearStart, end, year);
    }
    // the year elsewhere: before the agency (2022年某某局…) or in brackets after 报告 (…报告（2022年）)
    int nameEnd = government && compact.startsWith("人民", before - 2) ? before + 2 : before;
    int lineStart = agencyStart(flat, nameEnd);
    String line = compact.substring(lineStart, nameEnd);
    Integer leadingYear = line.length() > 5 && line.charAt(4) == '年' ? year(line.substring(0, 4)) : null;
    if (leadingYear != null) {
      int agencyFrom = lineStart + 5 + (line.startsWith("年度", 4) ? 1 : 0);
      return title(flat, agencyFrom, nameEnd, end, leadingYear, lineStart);
    }
    int close = bracketedYearEnd(compact, end);
    if (close > 0) {
      int open = end + 1;
      int y = open;
      while (y < compact.length() && Character.isDigit(compact.charAt(y))) {
        y++;
      }
      Integer year = y - open == 4 ? Integer.parseInt(compact.substring(open, y)) : null;
      return year == null ? null : title(flat, lineStart, nameEnd, close, year, lineStart);
    }
    return null;
  }

  private static Title title(FlatText flat, int agencyStart, int agencyEnd, int end, Integer year) {
    return title(flat, agencyStart, agencyEnd, end, year, -1);
  }

  /** The title from where the agency starts (or {@code titleStart}, when the year comes first) to {@code end}. */
  private static Title title(FlatText flat, int agencyStart, int agencyEnd, int end, Integer year, int titleStart) {
    String printed = flat.printedCompact(agencyStart, agencyEnd);
    String agency = stripLeadingNoise(printed);
    int from = titleStart >= 0 ? titleStart : agencyStart + printed.indexOf(agency);
    if (agency.endsWith("关于") && agency.length() > 3) {
      agency = agency.substring(0, agency.length() - 2);
    }
    String title = flat.printedCompact(from, end); // a wrapped title comes out as one line
    return new Title(title, agency.length() < 2 ? null : agency, year);
  }

  /** Start of a 4-digit (or 4 Chinese numeral) year ending just before {@code yearChar} ('年'); else -1. */
  private static int yearBefore(String compact, int yearChar) {
    int start = yearChar - 4;
    return start >= 0 && year(compact.substring(start, yearChar)) != null ? start : -1;
  }

  /**
   * A year as printed: four ASCII digits, or four Chinese numerals (二〇二二, 二○二二, 二零二二) that make a year of
   * this century — a range that keeps other runs of numerals from passing for one.
   */
  static Integer year(String printed) {
    if (printed.length() != 4) {
      return null;
    }
    if (ValueScanner.isDigits(printed)) {
      return Integer.parseInt(printed);
    }
    int year = 0;
    for (int i = 0; i < 4; i++) {
      char c = printed.charAt(i);
      int d = "〇一二三四五六七八九".indexOf(c);
      if (d < 0 && (c == '○' || c == '零' || c == 'O' || c == 'о' || c == 'О')) {
        d = 0;
      }
      if (d < 0) {
        return null;
      }
      year = year * 10 + d;
    }
    return year >= 2000 && year <= 2099 ? year : null;
  }

  /**
   * Walks back from {@code end} over name characters in the same cell of the same line: a page's navigation beside the
   * title in a layout table ("政府信息公开年报 | 新乡县人民政府2022年…") is no part of the agency's name.
   */
  private static int agencyStart(FlatText flat, int end) {
    int start = end;
    while (start > 0 && end - start < MAX_AGENCY && isNameChar(flat.compact.charAt(start - 1))
        && !flat.cellBreakBefore(start)) {
      start--;
    }
    return start;
  }

  /** Start of the line ending at {@code lineEnd}, if that line is all name characters; else -1. */
  private static int lineAbove(FlatText flat, int lineEnd) {
    int start = lineEnd;
    while (start > 0 && lineEnd - start < MAX_AGENCY && isNameChar(flat.compact.charAt(start - 1))) {
      start--;
      if (flat.lineBreakBefore(start)) {
        return start;
      }
    }
    return -1;
  }

  /** A line above a title that can be its agency: a short name ending like one. */
  private static boolean looksLikeAgency(String s) {
    if (s.length() < 3 || s.length() > MAX_AGENCY) {
      return false;
    }
    // shortest endings only: 委员会 and 管委会 end in 会, 办公室 in 室, 街道办事处 in 处
    for (String suffix : new String[] {"政府", "局", "委", "办", "厅", "院", "署", "中心", "部", "所", "队", "站", "处",
        "会", "馆", "社", "室", "区", "县", "市", "镇", "乡"}) {
      if (s.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The end of "（2022年）" / "(2022年度)" right after {@code at}; else -1. */
  private static int bracketedYearEnd(String compact, int at) {
    if (at >= compact.length() || compact.charAt(at) != '(' && compact.charAt(at) != '（') {
      return -1;
    }
    int i = at + 1;
    while (i < compact.length() && i - at <= 8 && compact.charAt(i) != ')' && compact.charAt(i) != '）') {
      i++;
    }
    return i < compact.length() && i - at <= 8 ? i + 1 : -1;
  }

  /**
   * Digits may stand inside a name ("第0分局"); leading ones are cut off by {@link #stripLeadingNoise}. The zeros of
   * a year in Chinese numerals (二〇二二) count too, so that a year before the agency is on the same run.
   */
  private static boolean isNameChar(char c) {
    return FlatText.isCjk(c) || c == '(' || c == ')' || c == '·' || c == '（' || c == '）' || c >= '0' && c <= '9'
        || c == '〇' || c == '○';
  }

  private static int skip(String s, int at, String word) {
    return s.startsWith(word, at) ? at + word.length() : at;
  }

  private static int skipBack(String s, int at, String word) {
    return at >= word.length() && s.startsWith(word, at - word.length()) ? at - word.length() : at;
  }

  /** "关于印发…" and similar lead-ins are not part of the agency's name. */
  private static String stripLeadingNoise(String agency) {
    String a = agency;
    int digits = 0;
    while (digits < a.length() && Character.isDigit(a.charAt(digits))) {
      digits++;
    }
    a = a.substring(digits);
    for (String lead : new String[] {"标题", "关于印发", "关于公布", "关于", "《", "<"}) {
      if (a.startsWith(lead) && a.length() > lead.length() + 1) {
        a = a.substring(lead.length());
      }
    }
    return a;
  }
}

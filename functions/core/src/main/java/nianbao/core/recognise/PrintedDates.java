package nianbao.core.recognise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.core.model.PrintedDate;

/**
 * Finds the date a report prints for itself ({@link PrintedDate}): a labelled publication date anywhere (发布日期：
 * 2023-01-20, 发布时间: 2023-02-20 15:07, 成文日期), else the last date standing on a line of its own after section
 * 六's heading — the signature's date (2023年1月20日, 二〇二三年一月二十日). A date must be a real day no earlier
 * than the report's year and at most two years after it; anything else is no date (timeliness is then unknown,
 * never judged from the upload).
 */
final class PrintedDates {
  private PrintedDates() {}

  private static final String ARABIC = "(20\\d{2})\\s*[年\\-/.]\\s*(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*日?";
  private static final String CHINESE = "([〇○零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*"
      + "([一二三四五六七八九十]{1,3})\\s*日";
  private static final String[] LABELS = {"发布日期", "发布时间", "成文日期", "发文日期", "印发日期"};
  /** What follows a label. The labels are found by {@link #labelAt}: a pattern starting with their alternation
   * is tried at every character of the text, which made this a fifth of a report's whole reading time. */
  private static final Pattern AFTER_LABEL = Pattern.compile(
      "\\s*[:：]?\\s*(?:" + ARABIC + "|" + CHINESE + ")");
  private static final Pattern ON_ITS_OWN_LINE = Pattern.compile(
      "(?m)^[ \\t　]*(?:" + ARABIC + "|" + CHINESE + ")[ \\t　]*$");

  /**
   * @param text     the report's whole text
   * @param tailFrom where the signature may stand from (section 六's heading), or −1 when unknown: the last
   *                 fifth of the text
   * @param year     the report's year, or null (then any plausible year from 2008)
   */
  static PrintedDate find(String text, int tailFrom, Integer year) {
    Matcher labelled = AFTER_LABEL.matcher(text);
    int[] next = new int[LEADS.length()];
    for (int k = 0; k < next.length; k++) {
      next[k] = text.indexOf(LEADS.charAt(k));
    }
    for (int i = nextLead(text, next); i >= 0; i = nextLead(text, next)) {
      int end = labelAt(text, i);
      if (end < 0) {
        continue;
      }
      labelled.region(end, text.length());
      if (labelled.lookingAt()) {
        LocalDate d = date(labelled, year);
        if (d != null) {
          return new PrintedDate(d.toString(), PrintedDate.PUBLISHED, asPrinted(text.substring(i, labelled.end())));
        }
      }
    }
    int from = tailFrom >= 0 ? tailFrom : text.length() * 4 / 5;
    Matcher own = ON_ITS_OWN_LINE.matcher(text);
    own.region(Math.min(from, text.length()), text.length());
    PrintedDate last = null;
    while (own.find()) {
      LocalDate d = date(own, year);
      if (d != null) {
        last = new PrintedDate(d.toString(), PrintedDate.SIGNED, asPrinted(own.group()));
      }
    }
    return last;
  }

  /** The first characters of {@link #LABELS}. */
  private static final String LEADS = "发成印";

  /**
   * The next place a label may start: the earliest of {@code next} (each lead character's next place), which
   * then moves on. Each lead is found by {@code indexOf}, not by a test at every character of the text.
   */
  private static int nextLead(String text, int[] next) {
    int k = -1;
    for (int j = 0; j < next.length; j++) {
      if (next[j] >= 0 && (k < 0 || next[j] < next[k])) {
        k = j;
      }
    }
    if (k < 0) {
      return -1;
    }
    int at = next[k];
    next[k] = text.indexOf(LEADS.charAt(k), at + 1);
    return at;
  }

  /** Where a date label starting at {@code i} (one of {@link #LEADS}) ends, or −1 when none starts there. */
  private static int labelAt(String text, int i) {
    for (String label : LABELS) {
      if (text.startsWith(label, i)) {
        return i + label.length();
      }
    }
    return -1;
  }

  /** The matched date (groups 1–3 Arabic, 4–6 Chinese numerals), or null when it is no plausible day. */
  private static LocalDate date(Matcher m, Integer year) {
    try {
      LocalDate d = m.group(1) != null
          ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
          : LocalDate.of(chineseYear(m.group(4)), chineseNumber(m.group(5)), chineseNumber(m.group(6)));
      int low = year == null ? 2008 : year;
      int high = year == null ? 2100 : year + 2;
      return d.getYear() >= low && d.getYear() <= high ? d : null;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static final String DIGITS = "〇一二三四五六七八九";

  private static int digit(char c) {
    return c == '○' || c == '零' ? 0 : DIGITS.indexOf(c);
  }

  private static int chineseYear(String s) {
    int y = 0;
    for (char c : s.toCharArray()) {
      y = y * 10 + digit(c);
    }
    return y;
  }

  /** 一 … 九, 十, 十一 … 十九, 二十 … 三十一. */
  private static int chineseNumber(String s) {
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 ? digit(s.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : digit(s.charAt(0));
    int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
    return tens * 10 + ones;
  }

  /** The date's words as a reader sees them: a cell edge between label and date (a page's 信息索引 table) is a space. */
  private static String asPrinted(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}

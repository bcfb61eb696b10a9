package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the narrative states about table A's first rows (2021 template): "现行有效行政规范性文件393件",
 * "本年制发规章2件", "…77件，废止132件". Read strictly, because a figure about something else must never be
 * compared with the table: only this year's figures (a sentence naming another year, 上年, 累计 or 清理 is
 * skipped), one kind of figure per clause, the row named right before the number (a clause with no row named
 * continues the previous clause's row only when it holds nothing but the kind and the number), no subset
 * (涉及…, 党内规范性文件, 规章制度), and a figure stated twice with different values is dropped.
 */
public final class StatedDocumentCounts {
  /** One stated figure: table A's row key and column key, and the value. */
  public record Statement(String row, String column, long value) {}

  private static final String[][] COLUMNS = {
      {"issued", "制发", "印发", "出台", "制定"}, {"repealed", "废止"}, {"inForce", "现行有效"}};
  private static final Pattern YEAR = Pattern.compile("(\\d{4})年");
  private static final Pattern COUNT = Pattern.compile("(\\d{1,6})[件部]");
  private static final String[] OTHER_TIMES = {"上年", "去年", "上一年", "前年", "往年", "历年", "累计", "清理"};
  private static final String[] SUBSETS = {"涉及", "关于", "有关", "相关", "领域", "方面", "党内", "规章制度", "其他"};
  /** What may stand between the kind of figure and the row ("制发的规范性文件"), or the row and the number. */
  private static final String BETWEEN_KIND_AND_ROW = "的了";
  private static final String BETWEEN_ROW_AND_NUMBER = "共计为有已合";
  /** What a clause that continues the previous one's row may hold besides the kind and the number. */
  private static final String CONTINUATION_WORDS = "其中本今全年度新共计了的为有已予宣布同时";

  private StatedDocumentCounts() {}

  /**
   * @param year the report's year; sentences naming another year are skipped (all that name a year when null)
   */
  public static List<Statement> read(String text, Integer year) {
    if (text == null || !namesRows(text)) {
      return List.of(); // most overviews never name the rows: nothing to cut into sentences
    }
    StringBuilder compact = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = FlatText.normalise(text.charAt(i));
      if (!Character.isWhitespace(c)) {
        compact.append(c);
      }
    }
    String key = compact.toString();
    Read last = lastRead;
    if (last != null && last.compact().equals(key) && java.util.Objects.equals(last.year(), year)) {
      return last.statements();
    }
    List<Statement> statements = statements(key, year);
    lastRead = new Read(key, year, statements);
    return statements;
  }

  /**
   * Whether the text with its whitespace gone holds 规章 or 规范性文件, found from each 规 without building that
   * text: an overview is several thousand characters, read twice a report, and most never name the rows.
   */
  private static boolean namesRows(String text) {
    for (int at = text.indexOf('规'); at >= 0; at = text.indexOf('规', at + 1)) {
      if (followedBy(text, at + 1, "章") || followedBy(text, at + 1, "范性文件")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code word} follows {@code from} in the text, whitespace between its characters skipped. */
  private static boolean followedBy(String text, int from, String word) {
    int i = from;
    for (int k = 0; k < word.length(); k++, i++) {
      while (i < text.length() && Character.isWhitespace(FlatText.normalise(text.charAt(i)))) {
        i++;
      }
      if (i >= text.length() || FlatText.normalise(text.charAt(i)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The last overview read, and what it states: the recogniser reads the overview for table A, and X1 reads it
   * again from the report's sections — the same text once spaces are gone. Racing threads only miss it.
   */
  private record Read(String compact, Integer year, List<Statement> statements) {}

  private static volatile Read lastRead;

  private static List<Statement> statements(String compact, Integer year) {
    Map<String, Statement> found = new HashMap<>();
    Map<String, Boolean> conflicting = new HashMap<>();
    for (String sentence : cut(compact, "。；;!！?？")) {
      if (!isThisYear(sentence, year) || containsAny(sentence, OTHER_TIMES)) {
        continue;
      }
      String row = null;
      for (String clause : cut(sentence, ",，:：")) {
        String named = rowNamed(clause);
        Statement statement = statement(clause, named != null ? named : row, named == null);
        row = named != null ? named : statement != null ? row : null;
        if (statement != null) {
          String key = statement.row() + "." + statement.column();
          Statement before = found.putIfAbsent(key, statement);
          if (before != null && before.value() != statement.value()) {
            conflicting.put(key, true);
          }
        }
      }
    }
    List<Statement> out = new ArrayList<>();
    found.forEach((key, statement) -> {
      if (!conflicting.containsKey(key)) {
        out.add(statement);
      }
    });
    return List.copyOf(out);
  }

  /**
   * The text cut at each of the marks, as String.split with a character class would (trailing empty parts
   * dropped), without a regex: this runs on every report's overview, twice.
   */
  static List<String> cut(CharSequence text, String marks) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (marks.indexOf(text.charAt(i)) >= 0) {
        parts.add(text.subSequence(start, i).toString());
        start = i + 1;
      }
    }
    if (parts.isEmpty()) {
      return List.of(text.toString()); // no mark at all: the whole text, even when empty
    }
    parts.add(text.subSequence(start, text.length()).toString());
    while (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) {
      parts.remove(parts.size() - 1);
    }
    return parts;
  }

  /** The value stated for a row and column, or null. */
  public static Long value(List<Statement> statements, String row, String column) {
    for (Statement s : statements) {
      if (s.row().equals(row) && s.column().equals(column)) {
        return s.value();
      }
    }
    return null;
  }

  private static Statement statement(String clause, String row, boolean continued) {
    if (row == null || containsAny(clause, SUBSETS)) {
      return null;
    }
    String column = null;
    int kindStart = -1;
    int kindEnd = -1;
    for (String[] kind : COLUMNS) {
      for (int w = 1; w < kind.length; w++) {
        int at = clause.lastIndexOf(kind[w]);
        if (at >= 0) {
          if (column != null && !column.equals(kind[0])) {
            return null;
          }
          column = kind[0];
          if (at + kind[w].length() > kindEnd) {
            kindStart = at;
            kindEnd = at + kind[w].length();
          }
        }
      }
    }
    Matcher count = COUNT.matcher(clause);
    if (column == null || !count.find() || count.start() < kindEnd) {
      return null;
    }
    int numberAt = count.start();
    long value = Long.parseLong(count.group(1));
    if (count.find()) {
      return null;
    }
    String between = clause.substring(kindEnd, numberAt);
    if (continued) {
      String rest = clause.substring(0, kindStart) + between;
      return onlyOf(rest, CONTINUATION_WORDS) ? new Statement(row, column, value) : null;
    }
    String word = row.equals("regulations") ? "规章" : "规范性文件";
    int rowAt = between.lastIndexOf(word);
    if (rowAt < 0) {
      return null;
    }
    String beforeRow = between.substring(0, rowAt);
    if (beforeRow.endsWith("行政")) {
      beforeRow = beforeRow.substring(0, beforeRow.length() - 2);
    }
    String afterRow = between.substring(rowAt + word.length());
    return onlyOf(beforeRow, BETWEEN_KIND_AND_ROW) && afterRow.length() <= 2 && onlyOf(afterRow, BETWEEN_ROW_AND_NUMBER)
        ? new Statement(row, column, value) : null;
  }

  /** The row a clause names: 规章 or (行政)规范性文件, or null for none or both. */
  private static String rowNamed(String clause) {
    boolean regulations = clause.contains("规章");
    boolean documents = clause.contains("规范性文件");
    return regulations == documents ? null : regulations ? "regulations" : "normativeDocuments";
  }

  private static boolean isThisYear(String sentence, Integer year) {
    Matcher m = YEAR.matcher(sentence);
    while (m.find()) {
      if (year == null || Integer.parseInt(m.group(1)) != year) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyOf(String s, String allowed) {
    for (int i = 0; i < s.length(); i++) {
      if (allowed.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAny(String s, String[] words) {
    for (String w : words) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }
}

package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.core.vocabulary.Vocabulary;

/**
 * The labels the national templates (2019 and 2021) print, without list numbers or group headings: what a
 * damaged label is compared with. Also every other label of tables A, B and C and their headers, so that a
 * printed label that is really another row's (or a header) is never taken for a damaged one. All of them are
 * {@link Vocabulary}'s words, in letters only.
 */
final class TemplateLabels {
  private TemplateLabels() {}

  /** A list number before a label: "四、", "（三）", "1.". */
  private static final Pattern LIST_NUMBER = Pattern.compile("^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+\\.)");

  /** Each row key's label as the template prints it, in letters (tables A of 2021 and 2019, and B). */
  private static final Map<String, String> ROWS = rows();

  /**
   * Group headings that a label may run into when its list number is lost ("（四）无法提供本机关…"): table B's
   * outcome groups, in printed order.
   */
  static final List<String> GROUP_HEADINGS = Vocabulary.B_ROWS.stream().map(Vocabulary.Row::group)
      .filter(Objects::nonNull).map(TemplateLabels::words).distinct().toList();

  /**
   * Printed words that are no row of their own: group headings, column headers, table C's labels, and every
   * header of tables A and B.
   */
  private static final List<String> OTHER_WORDS = otherWords();

  /** Every label and header word, with the key it stands for (null for a word that is no row). */
  record Known(String key, String text) {}

  static final List<Known> ALL = all();

  /** The template label of a row key, or null. */
  static String of(String key) {
    return ROWS.get(key);
  }

  private static Map<String, String> rows() {
    Map<String, String> rows = new LinkedHashMap<>();
    // 2021's table A first: its 行政规范性文件 is the label, 2019's 规范性文件 its shorter form
    Stream.of(Vocabulary.A_ROWS, Vocabulary.A2019_ROWS, Vocabulary.B_ROWS).flatMap(List::stream)
        .forEach(row -> rows.putIfAbsent(row.key(), words(row.printed())));
    return Collections.unmodifiableMap(rows);
  }

  private static List<String> otherWords() {
    Stream<String> groups = Stream.of(Vocabulary.A_ROWS, Vocabulary.A2019_ROWS, Vocabulary.B_ROWS,
        Vocabulary.C_GROUPS).flatMap(List::stream).map(Vocabulary.Row::group).filter(Objects::nonNull);
    Stream<String> headers = Stream.of(Vocabulary.B_HEADINGS.values(), Vocabulary.A_HEADINGS.values()).flatMap(
        java.util.Collection::stream);
    Stream<String> cells = Stream.of(Vocabulary.B_COLUMNS, Vocabulary.C_CELLS, Vocabulary.A_CELLS)
        .flatMap(List::stream).map(Vocabulary.Term::label);
    Stream<String> tableC = Vocabulary.C_GROUPS.stream().map(Vocabulary.Row::printed);
    return Stream.of(groups, headers, cells, tableC).flatMap(s -> s).map(TemplateLabels::words)
        .filter(w -> !ROWS.containsValue(w)).distinct().toList();
  }

  /** A label as compared: without its list number ("（三）", "1.", "四、"), and in letters only. */
  private static String words(String printed) {
    return letters(LIST_NUMBER.matcher(printed).replaceFirst(""));
  }

  private static List<Known> all() {
    List<Known> all = new ArrayList<>();
    ROWS.forEach((key, text) -> all.add(new Known(key, text)));
    for (String word : OTHER_WORDS) {
      all.add(new Known(null, word));
    }
    return List.copyOf(all);
  }

  /** The characters of {@code s} that carry a label's meaning: CJK ideographs, nothing else. */
  static String letters(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (FlatText.isCjk(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}

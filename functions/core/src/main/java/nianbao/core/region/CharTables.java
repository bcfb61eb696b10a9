package nianbao.core.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Character tables: traditional → simplified ({@code t2s.tsv}, from OpenCC) and known misrecognised
 * characters ({@code misread.tsv}, kept by hand). Loaded once; lookups are array reads.
 */
final class CharTables {
  private static final char[] T2S = new char[65536];
  private static final String[] MISREAD = new String[65536];

  static {
    lines("t2s.tsv", cells -> T2S[cells[0].charAt(0)] = cells[1].charAt(0));
    lines("misread.tsv", cells -> {
      char from = cells[0].charAt(0);
      char to = cells[1].charAt(0);
      addMisread(from, to);
      if (T2S[from] != 0) {
        addMisread(T2S[from], to);
      }
    });
  }

  private CharTables() {}

  private static void addMisread(char from, char to) {
    String old = MISREAD[from];
    if (old == null) {
      MISREAD[from] = String.valueOf(to);
    } else if (old.indexOf(to) < 0) {
      MISREAD[from] = old + to;
    }
  }

  /** The simplified form of a character, or the character itself. */
  static char simplified(char c) {
    char s = T2S[c];
    return s == 0 ? c : s;
  }

  /** The characters a misrecognised character may stand for, or null. */
  static String misread(char c) {
    return MISREAD[c];
  }

  /** True for the characters that are dropped from names: all kinds of blanks. */
  static boolean blank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c)
        || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
  }

  /** Full-width ASCII forms (！ … ～) to their half-width forms. */
  static char halfWidth(char c) {
    return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
  }

  /** Blanks removed, full-width → half-width, traditional → simplified. */
  static String normaliseChars(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (blank(c)) {
        continue;
      }
      b.append(simplified(halfWidth(c)));
    }
    return b.toString();
  }

  /** Reads a resource of this package: '#' lines are comments, the rest TAB-separated cells. */
  static void lines(String resource, Consumer<String[]> row) {
    try (InputStream in = CharTables.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource nianbao/core/region/" + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        row.accept(split(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] split(String line) {
    List<String> cells = new ArrayList<>(3);
    int from = 0;
    for (int tab; (tab = line.indexOf('\t', from)) >= 0; from = tab + 1) {
      cells.add(line.substring(from, tab));
    }
    cells.add(line.substring(from));
    return cells.toArray(new String[0]);
  }
}

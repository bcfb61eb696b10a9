package nianbao.core.region;

/**
 * Character tables: traditional → simplified ({@code t2s.tsv}, from OpenCC) and known misrecognised
 * characters ({@code misread.tsv}, kept by hand). Loaded once; lookups are array reads.
 */
final class CharTables {
  private static final char[] T2S = new char[65536];
  private static final String[] MISREAD = new String[65536];

  static {
    for (String[] cells : RegionData.rows("t2s.tsv")) {
      T2S[cells[0].charAt(0)] = cells[1].charAt(0);
    }
    for (String[] cells : RegionData.rows("misread.tsv")) {
      char from = cells[0].charAt(0);
      char to = cells[1].charAt(0);
      addMisread(from, to);
      if (T2S[from] != 0) {
        addMisread(T2S[from], to);
      }
    }
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
}

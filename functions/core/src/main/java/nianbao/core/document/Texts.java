package nianbao.core.document;

/** Text clean-up shared by the structured readers: whitespace as the recogniser expects it. */
public final class Texts {
  private Texts() {}

  /** Whitespace for our purposes: Java's, the no-break spaces, the ideographic space; zero-width marks are dropped. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000';
  }

  static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
  }

  /** Trims, collapses every run of whitespace (tabs and line breaks too) to one space, drops zero-width marks. */
  public static String clean(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isSpace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Like {@link #clean} but keeps tabs (a paragraph's tabs separate cells for the recogniser). */
  static String cleanKeepTabs(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    String[] parts = text.toString().split("\t", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      out.append(clean(parts[i]));
    }
    String s = out.toString();
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\t') {
      end--;
    }
    int start = 0;
    while (start < end && s.charAt(start) == '\t') {
      start++;
    }
    return s.substring(start, end);
  }

  /**
   * Joins two pieces of one logical text that a layout broke apart (a label wrapped inside a table cell,
   * a paragraph wrapped at the line end). Chinese needs no space at the break; Latin words and numbers do.
   */
  public static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    char last = a.charAt(a.length() - 1);
    char first = b.charAt(0);
    if (isSpace(last) || isSpace(first)) {
      return a + b;
    }
    if (isWordChar(last) && isWordChar(first)) {
      return a + ' ' + b;
    }
    if ((last == ',' || last == ';' || last == ':' || last == '?' || last == '!') && !isClosing(first)) {
      return a + ' ' + b;
    }
    return a + b;
  }

  private static boolean isWordChar(char c) {
    return c < 0x2E80 && Character.isLetterOrDigit(c);
  }

  private static boolean isClosing(char c) {
    return c == ')' || c == ']' || c == '）' || c == '，' || c == '。' || c == '、';
  }

  /** Han ideographs and CJK punctuation/full-width forms. */
  static boolean isCjk(char c) {
    return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF
        || c >= 0x3000 && c <= 0x303F;
  }
}

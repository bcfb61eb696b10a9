package nianbao.local.cli;

/** Column alignment for terminals, where a Chinese character takes two columns. */
final class Text {
  private Text() {}

  static int width(String s) {
    int width = 0;
    for (int i = 0; i < s.length(); i++) {
      width += isWide(s.charAt(i)) ? 2 : 1;
    }
    return width;
  }

  static String pad(String s, int width) {
    StringBuilder out = new StringBuilder(s);
    for (int w = width(s); w < width; w++) {
      out.append(' ');
    }
    return out.toString();
  }

  private static boolean isWide(char c) {
    return (c >= '\u1100' && c <= '\u115F') || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
        || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
        || (c >= '\uFFE0' && c <= '\uFFE6');
  }
}

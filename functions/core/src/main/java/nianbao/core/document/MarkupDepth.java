package nianbao.core.document;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Caps how deeply a page's elements nest, before jsoup builds the tree: jsoup's cost grows with the depth of
 * its open-element stack (100,000 nested {@code <div>}s take seconds to parse and far longer to walk), and no
 * report's page nests beyond a few dozen levels. Opening tags of nesting elements beyond {@link #MAX_DEPTH}
 * are dropped with their closing tags; their content stays, one level up.
 *
 * <p>Only elements that stay open until closed count: {@code p}, {@code li}, {@code td} and the like close
 * themselves and are never dropped. Raw-text elements ({@code script}, {@code style}, {@code textarea}) and
 * comments are passed through unread, so markup inside a script's strings is not counted here.
 */
final class MarkupDepth {
  static final int MAX_DEPTH = 256;

  private static final Set<String> NESTING = Set.of("div", "span", "font", "section", "article", "main", "aside",
      "header", "footer", "nav", "table", "blockquote", "ul", "ol", "dl", "center", "a", "b", "i", "u", "s", "em",
      "strong", "small", "big", "sub", "sup", "form", "fieldset", "label", "figure", "details", "code", "pre", "q",
      "cite", "abbr", "mark", "del", "ins", "strike", "tt", "h1", "h2", "h3", "h4", "h5", "h6", "object", "map");
  private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "xmp", "title");

  private MarkupDepth() {}

  /** The markup with nesting beyond {@link #MAX_DEPTH} flattened; the same string when nothing nests that deep. */
  static String cap(String html) {
    return cap(html, MAX_DEPTH);
  }

  static String cap(String html, int maxDepth) {
    StringBuilder out = null;
    int copied = 0;
    int depth = 0;
    Map<String, Integer> dropped = new HashMap<>();
    int n = html.length();
    int i = 0;
    int tags = 0;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      if ((++tags & 1023) == 0) {
        Deadline.check();
      }
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      boolean closing = html.charAt(lt + 1) == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
        i = lt + 1;
        continue;
      }
      String name = html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
      int gt = tagEnd(html, nameEnd);
      if (gt < 0) {
        break;
      }
      boolean drop = false;
      if (closing) {
        Integer skipped = dropped.get(name);
        if (skipped != null && skipped > 0) {
          dropped.put(name, skipped - 1);
          drop = true;
        } else if (NESTING.contains(name) && depth > 0) {
          depth--;
        }
      } else if (RAW_TEXT.contains(name)) {
        int close = indexOfIgnoreCase(html, "</" + name, gt + 1);
        i = close < 0 ? n : close;
        continue;
      } else if (NESTING.contains(name) && html.charAt(gt - 1) != '/') {
        if (depth >= maxDepth) {
          dropped.merge(name, 1, Integer::sum);
          drop = true;
        } else {
          depth++;
        }
      }
      if (drop) {
        if (out == null) {
          out = new StringBuilder(n);
        }
        out.append(html, copied, lt);
        copied = gt + 1;
      }
      i = gt + 1;
    }
    if (out == null) {
      return html;
    }
    return out.append(html, copied, n).toString();
  }

  private static boolean isNameChar(char c) {
    return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_');
  }

  /** The {@code >} that ends a tag whose name ends at {@code from}, skipping quoted attribute values. */
  private static int tagEnd(String html, int from) {
    char quote = 0;
    char previous = ' ';
    for (int j = from; j < html.length(); j++) {
      char c = html.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if ((c == '"' || c == '\'') && previous == '=') {
        quote = c;
      } else if (c == '>') {
        return j;
      } else if (c == '<') {
        return j - 1 >= from ? j - 1 : -1; // an unterminated tag ends where the next begins
      }
      if (!Texts.isSpace(c)) {
        previous = c;
      }
    }
    return -1;
  }

  private static int indexOfIgnoreCase(String s, String what, int from) {
    int n = s.length() - what.length();
    for (int j = from; j <= n; j++) {
      if (s.regionMatches(true, j, what, 0, what.length())) {
        return j;
      }
    }
    return -1;
  }
}

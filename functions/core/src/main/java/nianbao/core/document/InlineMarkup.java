package nianbao.core.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags and character entities left in a plain text ("新乡市&nbsp;卫滨区…", "<strong>某某局</strong>2022年…"), as a
 * site's editor or a copy from a page leaves them: too few to make the text markup ({@link FormatSniffer}), enough
 * to cut a title in two, so that the agency came out as "卫滨区…" for one upload and "新乡市卫滨区…" for the next.
 * Each is blanked with as many spaces as it has characters: the text keeps its length, so offsets into it (the
 * evidence of every value) stay those of the file, and a blank inside a name is dropped like any space in it.
 * Only the head is blanked ({@link #blankHead}): that is where the agency is named.
 */
final class InlineMarkup {
  /** An element's start or end tag (namespaced ones too, o:p from Word), its attributes on the same line. */
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]{0,9}(?::[A-Za-z0-9]{1,10})?"
      + "(?:\\s[^<>\\n]{0,400})?/?>");
  /** Named entities of spaces and punctuation, and numeric ones. */
  private static final Pattern ENTITY = Pattern.compile(
      "&(?:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});");

  private InlineMarkup() {}

  /** How far into a text its title is looked for (as the title finder does). */
  private static final int TITLE_WITHIN = 4000;

  /**
   * The text with every tag and entity of its head — the lines up to and including the first that holds 报告,
   * the title — replaced by spaces of its length; the same string when there is none. The body stays as
   * printed: markup in a section's prose is shown as the text it is (the page escapes it), not silently dropped.
   */
  static String blankHead(String text) {
    int title = text.indexOf("报告");
    if (title < 0 || title > TITLE_WITHIN) {
      return text;
    }
    int lineEnd = text.indexOf('\n', title);
    int end = lineEnd < 0 ? text.length() : lineEnd;
    String printed = text.substring(0, end);
    String head = blank(printed);
    return head == printed ? text : head + text.substring(end); // blank() returns its argument when nothing changed
  }

  /** The text with every tag and entity replaced by spaces of its length; the same string when it holds none. */
  static String blank(String text) {
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      return text;
    }
    char[] out = null;
    for (Pattern p : new Pattern[] {TAG, ENTITY}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (out == null) {
          out = text.toCharArray();
        }
        java.util.Arrays.fill(out, m.start(), m.end(), ' ');
      }
    }
    return out == null ? text : new String(out);
  }
}

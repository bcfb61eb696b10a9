package nianbao.core.recognise;

import java.util.List;
import nianbao.core.document.layout.PositionedWord;

/**
 * The box a piece of a PDF block's text was printed in. A block's text is its glyphs' characters in order, with
 * spaces the layout put between words: the n-th non-space character of the text is the n-th non-space character
 * of the glyphs. Works on the block's own glyphs only, when a value's evidence is asked for.
 */
final class GlyphBoxes {
  /** A box on one page, in points from the top-left corner; the lowest confidence of its glyphs. */
  record Box(int page, float x0, float y0, float x1, float y1, float confidence) {}

  private GlyphBoxes() {}

  /** The box of characters {@code from}..{@code to} of {@code text}, or null when its glyphs are not found. */
  static Box of(String text, List<PositionedWord> glyphs, int from, int to) {
    if (glyphs == null || glyphs.isEmpty()) {
      return null;
    }
    int first = nonSpaceCount(text, 0, from);
    int last = first + nonSpaceCount(text, from, to); // exclusive
    int k = 0;
    int page = -1;
    float x0 = Float.MAX_VALUE;
    float y0 = Float.MAX_VALUE;
    float x1 = -Float.MAX_VALUE;
    float y1 = -Float.MAX_VALUE;
    float confidence = PositionedWord.CERTAIN;
    for (PositionedWord w : glyphs) {
      if (k >= last) {
        break;
      }
      int chars = nonSpaceCount(w.text(), 0, w.text().length());
      if (chars > 0 && k + chars > first) {
        if (page < 0) {
          page = w.page();
        }
        if (w.page() == page) {
          x0 = Math.min(x0, w.left());
          y0 = Math.min(y0, w.top());
          x1 = Math.max(x1, w.right());
          y1 = Math.max(y1, w.baseline());
          confidence = Math.min(confidence, w.confidence());
        }
      }
      k += chars;
    }
    return page < 0 ? null : new Box(page, x0, y0, x1, y1, confidence);
  }

  private static int nonSpaceCount(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000' && c != FlatText.BLANK
          && c != FlatText.SOFT_BLANK && !(c >= '\u200B' && c <= '\u200D') && c != '\u2060' && c != '\uFEFF'
          && c != '\u00AD') {
        n++;
      }
    }
    return n;
  }
}

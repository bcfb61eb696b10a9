package nianbao.ocr;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.layout.PositionedWord;

/**
 * Tesseract's TSV output: one row per page, block, paragraph, line and word (level 1–5), with the box in pixels
 * and, for words, a confidence from 0 to 100. Only words (level 5) with text are kept, each with the box of the
 * line it stands on, so that a comma or a quote mark — whose own box is a sliver — sits on its line's baseline.
 */
final class TsvWords {
  private static final int LEVEL = 0;
  private static final int BLOCK = 2;
  private static final int PARAGRAPH = 3;
  private static final int LINE = 4;
  private static final int LEFT = 6;
  private static final int TOP = 7;
  private static final int WIDTH = 8;
  private static final int HEIGHT = 9;
  private static final int CONF = 10;
  private static final int TEXT = 11;
  /** A word this much shorter than its line takes the line's top and bottom (punctuation, a low stroke). */
  static final float SLIVER = 0.6f;

  /**
   * A recognised word in pixels of the image Tesseract read.
   *
   * @param line       which line of the output it belongs to (block, paragraph and line numbers together)
   * @param confidence 0 to 1
   */
  record Word(String text, int left, int top, int width, int height, float confidence, long line) {
    int right() {
      return left + width;
    }

    int bottom() {
      return top + height;
    }
  }

  private TsvWords() {}

  /**
   * The words of a TSV output, in its order.
   *
   * @throws IllegalArgumentException when the text is not Tesseract's TSV (no header, a row too short)
   */
  static List<Word> parse(String tsv) {
    String[] rows = tsv.split("\r?\n");
    if (rows.length == 0 || !rows[0].startsWith("level\t")) {
      throw new IllegalArgumentException("not Tesseract TSV output: no header");
    }
    List<Word> words = new ArrayList<>();
    long currentLine = -1;
    int lineTop = 0;
    int lineBottom = 0;
    for (int i = 1; i < rows.length; i++) {
      if (rows[i].isEmpty()) {
        continue;
      }
      String[] f = rows[i].split("\t", -1);
      if (f.length < TEXT) {
        throw new IllegalArgumentException("not Tesseract TSV output: row " + (i + 1) + " has " + f.length
            + " fields");
      }
      int level = Integer.parseInt(f[LEVEL]);
      if (level == 4) {
        currentLine = lineKey(f);
        lineTop = Integer.parseInt(f[TOP]);
        lineBottom = lineTop + Integer.parseInt(f[HEIGHT]);
        continue;
      }
      String text = f.length > TEXT ? f[TEXT].strip() : "";
      if (level != 5 || text.isEmpty()) {
        continue;
      }
      int left = Integer.parseInt(f[LEFT]);
      int top = Integer.parseInt(f[TOP]);
      int width = Integer.parseInt(f[WIDTH]);
      int height = Integer.parseInt(f[HEIGHT]);
      if (lineKey(f) == currentLine && height < SLIVER * (lineBottom - lineTop)) {
        top = lineTop;
        height = lineBottom - lineTop;
      }
      float conf = Math.max(0f, Math.min(1f, Float.parseFloat(f[CONF]) / 100f));
      words.add(new Word(text, left, top, width, height, conf, lineKey(f)));
    }
    return words;
  }

  private static long lineKey(String[] f) {
    return Long.parseLong(f[BLOCK]) * 1_000_000L + Long.parseLong(f[PARAGRAPH]) * 1_000L
        + Long.parseLong(f[LINE]);
  }

  /**
   * A word as the layout geometry takes it: in points of the page, from a pixel box in an image placed at
   * ({@code offsetX}, {@code offsetY}) pixels of the page.
   */
  static PositionedWord positioned(Word w, int page, float pointsPerPixel, int offsetX, int offsetY) {
    return PositionedWord.recognised(w.text(), page, (w.left() + offsetX) * pointsPerPixel,
        (w.top() + offsetY) * pointsPerPixel, w.width() * pointsPerPixel, w.height() * pointsPerPixel,
        w.confidence());
  }
}

package nianbao.core.document.layout;

/**
 * A piece of text where a page prints it: the input of the layout geometry. A PDF's text layer gives one per
 * glyph; an OCR engine gives one per recognised word (Tesseract's TSV: text, left, top, width, height,
 * confidence). Coordinates are in points, y growing downwards from the top of the page.
 *
 * @param text       the characters, never null (a blank word is a space the producer drew)
 * @param page       the page, from 1
 * @param left       the left edge
 * @param top        the top of the characters
 * @param right      the right edge
 * @param baseline   where the characters stand (OCR: the bottom of the box)
 * @param size       the text's size, for tolerances: the font size, or the box's height
 * @param confidence how sure the producer is of the text, 0 to 1: 1 for a PDF's text layer
 */
public record PositionedWord(String text, int page, float left, float top, float right, float baseline, float size,
    float confidence) {
  public static final float CERTAIN = 1f;

  /** One glyph of a PDF's text layer. */
  public static PositionedWord glyph(String text, int page, float left, float right, float baseline, float top,
      float size) {
    return new PositionedWord(text, page, left, top, right, baseline, size, CERTAIN);
  }

  /** One word of an OCR engine's box (left, top, width, height) with its confidence from 0 to 1. */
  public static PositionedWord recognised(String text, int page, float left, float top, float width, float height,
      float confidence) {
    return new PositionedWord(text, page, left, top, left + width, top + height, height, confidence);
  }

  public float centerX() {
    return (left + right) / 2;
  }

  public float centerY() {
    return (top + baseline) / 2;
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}

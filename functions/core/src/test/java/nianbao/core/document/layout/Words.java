package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;

/** Hand-built positioned words: a PDF's glyphs one per character, or an OCR engine's words. */
final class Words {
  static final float SIZE = 10f;

  private Words() {}

  /** One glyph per character of {@code text}, each {@code SIZE} wide, from x on the baseline (spaces too). */
  static List<PositionedWord> glyphs(int page, String text, float x, float baseline) {
    List<PositionedWord> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      float left = x + i * SIZE;
      out.add(PositionedWord.glyph(String.valueOf(text.charAt(i)), page, left, left + SIZE, baseline,
          baseline - SIZE, SIZE));
    }
    return out;
  }

  /** A table row: each cell's text as glyphs starting at its x, on one baseline. */
  static List<PositionedWord> row(int page, float baseline, Object... textsAndXs) {
    List<PositionedWord> out = new ArrayList<>();
    for (int i = 0; i < textsAndXs.length; i += 2) {
      out.addAll(glyphs(page, (String) textsAndXs[i], ((Number) textsAndXs[i + 1]).floatValue(), baseline));
    }
    return out;
  }

  static List<Ruling> box(float left, float top, float right, float bottom) {
    return List.of(new Ruling(true, top, left, right), new Ruling(true, bottom, left, right),
        new Ruling(false, left, top, bottom), new Ruling(false, right, top, bottom));
  }

  /** Horizontal rulings at the ys across left..right, vertical ones at the xs across top..bottom. */
  static List<Ruling> grid(float[] xs, float[] ys) {
    List<Ruling> out = new ArrayList<>();
    for (float y : ys) {
      out.add(new Ruling(true, y, xs[0], xs[xs.length - 1]));
    }
    for (float x : xs) {
      out.add(new Ruling(false, x, ys[0], ys[ys.length - 1]));
    }
    return out;
  }

  @SafeVarargs
  static List<PositionedWord> all(List<PositionedWord>... parts) {
    List<PositionedWord> out = new ArrayList<>();
    for (List<PositionedWord> p : parts) {
      out.addAll(p);
    }
    return out;
  }
}

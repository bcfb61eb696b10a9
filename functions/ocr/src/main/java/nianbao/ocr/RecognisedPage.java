package nianbao.ocr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.layout.Ruling;

/**
 * What recognition found on one page: its words and ruling lines, in points (72 dpi) from the page's top-left
 * corner, y down — the coordinates a PDF's text layer gives, so the same layout geometry reads both.
 *
 * @param page     the page, from 1
 * @param widthPt  the page's width in points
 * @param heightPt the page's height in points
 * @param millis   how long recognition took, for the log and the benchmark
 * @param skew     the degrees the page was turned back by before recognition ({@link Deskew}): words and rulings
 *                 are in the straightened page's points, {@link #onOriginal} maps a box back onto the page as
 *                 uploaded
 */
public record RecognisedPage(int page, float widthPt, float heightPt, List<PositionedWord> words,
    List<Ruling> rulings, long millis, double skew) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RecognisedPage {
    words = List.copyOf(words);
    rulings = List.copyOf(rulings);
  }

  /** A page recognised as uploaded (not turned). */
  public RecognisedPage(int page, float widthPt, float heightPt, List<PositionedWord> words, List<Ruling> rulings,
      long millis) {
    this(page, widthPt, heightPt, words, rulings, millis, 0);
  }

  /**
   * A box [x0, y0, x1, y1] of the straightened page as it stands on the page uploaded: its corners turned as
   * {@link Deskew#rotate} turned the pixels (about the page's centre), and the box around them. On a page turned
   * by 2° a box at the edge moves by up to ~10 pt.
   */
  public List<Double> onOriginal(List<Double> box) {
    if (skew == 0 || box == null || box.size() != 4) {
      return box;
    }
    double a = Math.toRadians(skew);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double cx = widthPt / 2.0;
    double cy = heightPt / 2.0;
    double[] xs = {box.get(0), box.get(2)};
    double[] ys = {box.get(1), box.get(3)};
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (double x : xs) {
      for (double y : ys) {
        double ox = cx + (x - cx) * cos - (y - cy) * sin;
        double oy = cy + (x - cx) * sin + (y - cy) * cos;
        x0 = Math.min(x0, ox);
        y0 = Math.min(y0, oy);
        x1 = Math.max(x1, ox);
        y1 = Math.max(y1, oy);
      }
    }
    return List.of(round(x0), round(y0), round(x1), round(y1));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The page as JSON, to keep a finished page while a long scan goes on (and {@link #fromJson} it back). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(Stored.of(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @throws IllegalArgumentException when {@code json} is not a page {@link #toJson} wrote */
  public static RecognisedPage fromJson(String json) {
    try {
      return JSON.readValue(json, Stored.class).toPage();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a recognised page: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The stored form: short keys, since a page holds a few thousand words. Kept apart from the core's records so
   * that their derived accessors never become JSON properties.
   */
  record Stored(int page, float width, float height, List<Word> words, List<Line> rulings, long millis,
      double skew) {
    static Stored of(RecognisedPage p) {
      return new Stored(p.page, p.widthPt, p.heightPt,
          p.words.stream().map(w -> new Word(w.text(), w.left(), w.top(), w.right(), w.baseline(), w.size(),
              w.confidence())).toList(),
          p.rulings.stream().map(r -> new Line(r.horizontal(), r.at(), r.from(), r.to())).toList(), p.millis,
          p.skew);
    }

    RecognisedPage toPage() {
      if (words == null || rulings == null) {
        throw new IllegalArgumentException("not a recognised page: words or rulings missing");
      }
      return new RecognisedPage(page, width, height,
          words.stream().map(w -> new PositionedWord(w.t, page, w.l, w.y, w.r, w.b, w.s, w.c)).toList(),
          rulings.stream().map(r -> new Ruling(r.h, r.at, r.from, r.to)).toList(), millis, skew);
    }
  }

  /** A word: text, left, top (y), right, baseline (bottom), size, confidence. */
  record Word(String t, float l, float y, float r, float b, float s, float c) {}

  /** A ruling: horizontal, at, from, to. */
  record Line(boolean h, float at, float from, float to) {}
}

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
 */
public record RecognisedPage(int page, float widthPt, float heightPt, List<PositionedWord> words,
    List<Ruling> rulings, long millis) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RecognisedPage {
    words = List.copyOf(words);
    rulings = List.copyOf(rulings);
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
  record Stored(int page, float width, float height, List<Word> words, List<Line> rulings, long millis) {
    static Stored of(RecognisedPage p) {
      return new Stored(p.page, p.widthPt, p.heightPt,
          p.words.stream().map(w -> new Word(w.text(), w.left(), w.top(), w.right(), w.baseline(), w.size(),
              w.confidence())).toList(),
          p.rulings.stream().map(r -> new Line(r.horizontal(), r.at(), r.from(), r.to())).toList(), p.millis);
    }

    RecognisedPage toPage() {
      if (words == null || rulings == null) {
        throw new IllegalArgumentException("not a recognised page: words or rulings missing");
      }
      return new RecognisedPage(page, width, height,
          words.stream().map(w -> new PositionedWord(w.t, page, w.l, w.y, w.r, w.b, w.s, w.c)).toList(),
          rulings.stream().map(r -> new Ruling(r.h, r.at, r.from, r.to)).toList(), millis);
    }
  }

  /** A word: text, left, top (y), right, baseline (bottom), size, confidence. */
  record Word(String t, float l, float y, float r, float b, float s, float c) {}

  /** A ruling: horizontal, at, from, to. */
  record Line(boolean h, float at, float from, float to) {}
}

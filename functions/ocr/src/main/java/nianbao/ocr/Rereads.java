package nianbao.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Second readings of what Tesseract was unsure of. Its reading of a piece depends on what stands around it: the
 * same label cell read "3.要求提供公开出版物" alone and "3要求…" among a page's cells, seed 003's bold heading
 * "一、总体情况" alone and "一、和名体情况" on its page. So the unsure pieces are cut out and read again in a
 * strip of their own ({@link CellStrip}, one run of the program for all of them).
 *
 * <p>Figures and text are treated differently. Text (a label, a heading, a line of prose) takes whichever reading
 * is surer of its least sure word: a label or heading is matched against known wording afterwards anyway. A
 * figure is a value: its second reading, twice as large, replaces the first only when it gives the same figures
 * and is itself sure of them — two readings agreeing, never a second guess preferred to a first.
 */
final class Rereads {
  /** Tesseract run on an image: {@code segmentation} is its {@code --psm}, {@code whitelist} null for any text. */
  interface Reader {
    List<TsvWords.Word> read(Grey image, String language, String segmentation, String whitelist)
        throws OcrException;
  }

  /** Text whose least sure word is below this is read again (a misread character is typically below 0.3). */
  static final float DOUBTFUL_TEXT = 0.5f;
  /**
   * The second reader of figures: Tesseract's English model, whose digits are its own script's. On the fixtures'
   * unsure lone 1s the Chinese model gives 0.70–0.78 and the English one 0.90–0.95 (measured on 003 at 300 dpi).
   */
  static final String FIGURE_LANGUAGE = "eng";
  /**
   * Doubtful page lines are read again this much smaller: Tesseract splits a large bold heading's characters
   * (seed 003 at 300 dpi: 一、总体情况 as 一、和名体情况 on the page and in a strip, right at three quarters).
   */
  static final float LINE_SCALE = 0.75f;

  private Rereads() {}

  /**
   * The figures of {@code read} below {@link UnsureCells#MIN_CONFIDENCE}, or that the digits-only reading lost,
   * read again alone by another model ({@link #FIGURE_LANGUAGE}); where the second reading gives the same figures
   * as the first (the digits-only reading, or the cell's first plain reading where that lost them) with a
   * confidence at or above the threshold, it replaces the first (in place): the value's confidence is then the
   * second reader's, given that both agree.
   *
   * @param plain the cells' first reading, without the digits whitelist
   */
  static void figures(Grey page, Map<CellStrip.Slot, List<TsvWords.Word>> read,
      Map<CellStrip.Slot, List<TsvWords.Word>> plain, List<CellStrip.Slot> figures, float dpi, Reader reader)
      throws OcrException {
    List<CellStrip.Slot> unsure = new ArrayList<>();
    List<String> firstReadings = new ArrayList<>();
    for (CellStrip.Slot s : figures) {
      List<TsvWords.Word> digits = read.getOrDefault(s, List.of());
      List<TsvWords.Word> first = digits.isEmpty() ? plain.getOrDefault(s, List.of()) : digits;
      if (!first.isEmpty() && (digits.isEmpty() || lowest(digits) < UnsureCells.MIN_CONFIDENCE)) {
        unsure.add(s);
        firstReadings.add(asDigits(text(first)));
      }
    }
    if (unsure.isEmpty()) {
      return;
    }
    CellStrip strip = CellStrip.of(page, unsure, dpi);
    Map<CellStrip.Slot, List<TsvWords.Word>> again = strip.place(reader.read(strip.image(), FIGURE_LANGUAGE,
        TesseractRecogniser.CELL_SEGMENTATION, TesseractRecogniser.DIGITS));
    for (int i = 0; i < unsure.size(); i++) {
      List<TsvWords.Word> second = again.getOrDefault(strip.slots().get(i), List.of());
      if (!second.isEmpty() && text(second).equals(firstReadings.get(i))
          && lowest(second) >= UnsureCells.MIN_CONFIDENCE) {
        read.put(unsure.get(i), second);
      }
    }
  }

  /**
   * The pieces of {@code read} with a word below {@link #DOUBTFUL_TEXT} read again alone; the reading surer of its
   * least sure word is kept (in place).
   */
  static void texts(Grey page, Map<CellStrip.Slot, List<TsvWords.Word>> read, float scale, float dpi,
      Reader reader) throws OcrException {
    List<CellStrip.Slot> doubtful = read.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty() && lowest(e.getValue()) < DOUBTFUL_TEXT).map(Map.Entry::getKey)
        .toList();
    if (doubtful.isEmpty()) {
      return;
    }
    CellStrip strip = CellStrip.of(page, doubtful, dpi);
    Map<CellStrip.Slot, List<TsvWords.Word>> again = strip.placeScaled(reader.read(strip.image().scaled(scale),
        TesseractRecogniser.LANGUAGE, TesseractRecogniser.CELL_SEGMENTATION, null), scale);
    for (int i = 0; i < doubtful.size(); i++) {
      List<TsvWords.Word> second = again.getOrDefault(strip.slots().get(i), List.of());
      if (!second.isEmpty() && lowest(second) > lowest(read.get(doubtful.get(i)))) {
        read.put(doubtful.get(i), second);
      }
    }
  }

  /**
   * The page's text lines (Tesseract's own lines) with a doubtful word read again alone and smaller
   * ({@link #LINE_SCALE}: at the page's own size a line reads as it did on the page), as {@link #texts}; the words
   * in their order.
   */
  static List<TsvWords.Word> lines(Grey page, List<TsvWords.Word> words, float dpi, Reader reader)
      throws OcrException {
    Map<Long, List<TsvWords.Word>> byLine = new LinkedHashMap<>();
    for (TsvWords.Word w : words) {
      byLine.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w);
    }
    int pad = Math.round(dpi / 30);
    Map<CellStrip.Slot, List<TsvWords.Word>> read = new LinkedHashMap<>();
    for (List<TsvWords.Word> line : byLine.values()) {
      int x0 = Math.max(0, line.stream().mapToInt(TsvWords.Word::left).min().orElseThrow() - pad);
      int y0 = Math.max(0, line.stream().mapToInt(TsvWords.Word::top).min().orElseThrow() - pad);
      int x1 = Math.min(page.width, line.stream().mapToInt(TsvWords.Word::right).max().orElseThrow() + pad);
      int y1 = Math.min(page.height, line.stream().mapToInt(TsvWords.Word::bottom).max().orElseThrow() + pad);
      read.put(new CellStrip.Slot(new TableCells.Cell(x0, y0, x1, y1), x0, y0, x1 - x0, y1 - y0, 0), line);
    }
    texts(page, read, LINE_SCALE, dpi, reader);
    List<TsvWords.Word> out = new ArrayList<>();
    read.values().forEach(out::addAll);
    return out;
  }

  static float lowest(List<TsvWords.Word> words) {
    float low = 1f;
    for (TsvWords.Word w : words) {
      low = Math.min(low, w.confidence());
    }
    return low;
  }

  /**
   * The Chinese model's plain reading of a cell in digits where it gave a character that a lone digit is known to
   * be read as (a single stroke as 工 or 丁 for 1, a box as 口 or 〇 for 0), so that the second reader can agree
   * with it; any other character stays and cannot agree with digits.
   */
  static String asDigits(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(switch (c) {
      case '工', '丁', '了' -> "1";
      case '口', '〇' -> "0";
      default -> Character.toString(c);
    }));
    return out.toString();
  }

  private static String text(List<TsvWords.Word> words) {
    StringBuilder s = new StringBuilder();
    words.forEach(w -> s.append(w.text()));
    return s.toString();
  }
}

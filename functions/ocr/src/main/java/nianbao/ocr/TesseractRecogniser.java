package nianbao.ocr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.layout.Ruling;
import nianbao.core.settings.Settings;

/**
 * Tesseract's command line with the simplified-Chinese model, through its TSV output. Per page: the image in
 * grey with red seals taken out ({@link Grey#of}), straightened ({@link Deskew}), its ruling lines found
 * ({@link RulingDetector}) and painted out so that Tesseract sees text only, then one recognition of the page.
 */
public final class TesseractRecogniser implements PageRecogniser {
  /** Settings: the program ({@code nianbao.tesseract} / {@code NIANBAO_TESSERACT}, default {@code tesseract}). */
  public static final String BINARY = "nianbao.tesseract";
  public static final String BINARY_VARIABLE = "NIANBAO_TESSERACT";
  /** The models' directory ({@code nianbao.tessdata} / {@code NIANBAO_TESSDATA}); Tesseract's own by default. */
  public static final String TESSDATA = "nianbao.tessdata";
  public static final String TESSDATA_VARIABLE = "NIANBAO_TESSDATA";
  /** Seconds one page may take ({@code nianbao.ocr.pageSeconds} / {@code NIANBAO_OCR_PAGE_SECONDS}). */
  public static final String PAGE_SECONDS = "nianbao.ocr.pageSeconds";
  public static final String PAGE_SECONDS_VARIABLE = "NIANBAO_OCR_PAGE_SECONDS";
  static final int DEFAULT_PAGE_SECONDS = 120;
  static final String LANGUAGE = "chi_sim";
  /** Tesseract's page segmentation for the whole page: 6, one block of text (measured: see the README). */
  static final String PAGE_SEGMENTATION = "6";
  /** Page segmentation for the strip of table cells: 6, one block of text. */
  static final String CELL_SEGMENTATION = "6";
  /** The characters of a table's figures: counts, and the fee's decimals. */
  static final String DIGITS = "0123456789.";
  static final String DIGITS_LANGUAGE = "chi_sim";

  private final TesseractCommand command;
  private final String engine;

  /**
   * With this process's settings.
   *
   * @throws IllegalStateException when the program cannot be run or has no simplified-Chinese model: the
   *     installation is wrong, no document is to blame
   */
  public TesseractRecogniser() {
    this(installed(Settings.system()));
  }

  /** @throws OcrException when the program cannot be run or has no simplified-Chinese model */
  public TesseractRecogniser(Settings settings) throws OcrException {
    this(engine(command(settings)));
  }

  private TesseractRecogniser(Engine engine) {
    this.command = engine.command();
    this.engine = engine.name();
  }

  /** The program and its name for {@code source.reader}. */
  private record Engine(TesseractCommand command, String name) {}

  private static Engine engine(TesseractCommand command) throws OcrException {
    return new Engine(command, TesseractEngine.describe(command, LANGUAGE, Rereads.FIGURE_LANGUAGE));
  }

  private static Engine installed(Settings settings) {
    try {
      return engine(command(settings));
    } catch (OcrException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static TesseractCommand command(Settings settings) {
    return new TesseractCommand(settings.get(BINARY, BINARY_VARIABLE).orElse("tesseract"),
        settings.get(TESSDATA, TESSDATA_VARIABLE).orElse(null),
        Duration.ofSeconds(settings.get(PAGE_SECONDS, PAGE_SECONDS_VARIABLE).map(Integer::parseInt)
            .orElse(DEFAULT_PAGE_SECONDS)));
  }

  @Override
  public String engine() {
    return engine;
  }

  @Override
  public RecognisedPage recognise(PageImage page) throws OcrException {
    long start = System.nanoTime();
    PrintedText printed = page.printed();
    if (printed != null) {
      return PrintedPages.merged(page, printed, printed.pictures().isEmpty() ? null
          : recognise(PrintedPages.picturesOnly(page, printed)), System.nanoTime() - start);
    }
    Grey grey = Grey.of(page.image()).flattened(page.dpi()).faintInkDarkened();
    double skew = Deskew.angle(grey);
    grey = Deskew.rotate(grey, skew);
    List<RulingDetector.Line> lines = RulingDetector.find(grey, page.dpi());
    int threshold = Math.min(grey.otsu(), 200);
    Grey text = RulingDetector.erase(grey, lines).withoutSpecks(threshold, specks(page.dpi()));
    float ppp = page.pointsPerPixel();
    List<TableCells.Cell> cells = TableCells.of(lines, Math.round(RulingDetector.MEET_PT / ppp));
    List<PositionedWord> words = new ArrayList<>();
    Grey around = outside(text, cells);
    for (TsvWords.Word w : Rereads.lines(around, read(around, PAGE_SEGMENTATION, null), page.dpi(), this::read)) {
      words.add(TsvWords.positioned(w, page.page(), ppp, 0, 0));
    }
    for (List<TsvWords.Word> inCell : readCells(text, cells, threshold, page.dpi()).values()) {
      for (TsvWords.Word w : inCell) {
        words.add(TsvWords.positioned(w, page.page(), ppp, 0, 0));
      }
    }
    List<Ruling> rulings = new ArrayList<>();
    for (RulingDetector.Line l : lines) {
      rulings.add(l.toRuling(ppp));
    }
    return new RecognisedPage(page.page(), page.widthPt(), page.heightPt(), words, rulings,
        (System.nanoTime() - start) / 1_000_000, Math.abs(skew) < Deskew.NEGLIGIBLE_DEGREES ? 0 : skew);
  }

  /**
   * The words of each table cell: all cells read together in one strip, then the cells that hold figures alone
   * read again with Tesseract told to expect digits ({@link #DIGITS}), whose reading replaces the first.
   */
  private Map<CellStrip.Slot, List<TsvWords.Word>> readCells(Grey text, List<TableCells.Cell> cells, int threshold,
      float dpi) throws OcrException {
    CellStrip strip = CellStrip.of(text, cells, threshold, dpi);
    if (strip.isEmpty()) {
      return Map.of();
    }
    Map<CellStrip.Slot, List<TsvWords.Word>> found = strip.place(read(strip.image(), CELL_SEGMENTATION, null));
    List<CellStrip.Slot> figures = new ArrayList<>();
    Map<CellStrip.Slot, List<TsvWords.Word>> texts = new LinkedHashMap<>();
    for (CellStrip.Slot slot : strip.slots()) {
      List<TsvWords.Word> words = found.getOrDefault(slot, List.of());
      if (isFigure(words)) {
        figures.add(slot);
      } else {
        texts.put(slot, words);
      }
    }
    Rereads.texts(text, texts, 1f, dpi, this::read);
    Map<CellStrip.Slot, List<TsvWords.Word>> merged = new LinkedHashMap<>(found);
    merged.putAll(texts);
    if (!figures.isEmpty()) {
      CellStrip digits = CellStrip.of(text, figures, dpi);
      Map<CellStrip.Slot, List<TsvWords.Word>> read = digits.place(read(digits.image(), CELL_SEGMENTATION, DIGITS));
      for (int i = 0; i < figures.size(); i++) {
        merged.put(figures.get(i), read.getOrDefault(digits.slots().get(i), List.of()));
      }
      Rereads.figures(text, merged, found, figures, dpi, this::read);
    }
    return merged;
  }

  /**
   * A cell whose first reading has no Chinese character, or is a character or two that digits are misread as
   * (1 as 工, 0 as 口): figures, or nothing legible; read again as digits.
   */
  static boolean isFigure(List<TsvWords.Word> words) {
    StringBuilder text = new StringBuilder();
    words.forEach(w -> text.append(w.text()));
    boolean short_ = text.codePointCount(0, text.length()) <= 3;
    return text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        && !(short_ && DIGIT_LOOKALIKES.indexOf(c) >= 0));
  }

  /** Chinese characters that Tesseract's Chinese model gives for a lone digit. */
  static final String DIGIT_LOOKALIKES = "〇口日目工丁了一二三十七八九六四五己已";

  /** The largest speck of dust, in pixels: 6 at 300 dpi, where a full stop has about 30. */
  static int specks(float dpi) {
    return Math.max(2, Math.round(6 * (dpi / 300) * (dpi / 300)));
  }

  /** The page without its table cells' insides: the text around the tables. */
  private static Grey outside(Grey text, List<TableCells.Cell> cells) {
    if (cells.isEmpty()) {
      return text;
    }
    Grey out = new Grey(text.width, text.height, text.pixels.clone());
    for (TableCells.Cell c : cells) {
      for (int y = c.y0(); y < c.y1(); y++) {
        java.util.Arrays.fill(out.pixels, y * out.width + c.x0(), y * out.width + c.x1(), (byte) 255);
      }
    }
    return out;
  }

  private List<TsvWords.Word> read(Grey image, String segmentation, String whitelist) throws OcrException {
    return read(image, whitelist == null ? LANGUAGE : DIGITS_LANGUAGE, segmentation, whitelist);
  }

  private List<TsvWords.Word> read(Grey image, String language, String segmentation, String whitelist)
      throws OcrException {
    List<String> options = new ArrayList<>(List.of("-l", language, "--psm", segmentation));
    if (whitelist != null) {
      options.add("-c");
      options.add("tessedit_char_whitelist=" + whitelist);
    }
    try {
      return TsvWords.parse(command.tsv(image, options));
    } catch (IllegalArgumentException e) {
      throw new OcrException("文字识别程序的输出无法解析：" + e.getMessage(), e);
    }
  }
}

package nianbao.ocr;

/** Recognises the words and ruling lines of one page image. Implementations are thread-safe. */
public interface PageRecogniser {
  RecognisedPage recognise(PageImage page) throws OcrException;

  /** The engine and its model, for {@code source.reader}: {@code tesseract-5.3.0+chi_sim}. */
  String engine();
}

package nianbao.ocr;

/** Tesseract's command line with the simplified-Chinese model, through its TSV output. */
public final class TesseractRecogniser implements PageRecogniser {
  @Override
  public RecognisedPage recognise(PageImage page) throws OcrException {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public String engine() {
    throw new UnsupportedOperationException("not yet");
  }
}

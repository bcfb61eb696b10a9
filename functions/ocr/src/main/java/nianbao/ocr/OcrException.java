package nianbao.ocr;

/**
 * Recognition itself failed (the engine is missing, crashed, timed out or its model is absent): not the
 * document's fault, so the caller may try again. The message says what happened, with the engine's own words.
 */
public class OcrException extends Exception {
  public OcrException(String message) {
    super(message);
  }

  public OcrException(String message, Throwable cause) {
    super(message, cause);
  }
}

package nianbao.core.document;

/**
 * The bytes cannot be read as a report. The message is one line in Chinese, fit to show to the person
 * who uploaded the file (the caller adds the file name).
 */
public class UnreadableDocumentException extends Exception {
  private final String format;

  public UnreadableDocumentException(String format, String message) {
    super(message);
    this.format = format;
  }

  public UnreadableDocumentException(String format, String message, Throwable cause) {
    super(message, cause);
    this.format = format;
  }

  /** The format that was detected (txt, html, docx, pdf, doc, xlsx, image, unknown…). */
  public String format() {
    return format;
  }
}

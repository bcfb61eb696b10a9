package nianbao.core.document;

/**
 * The document was read but is not a report (what was found falls short of the definition): a decision about
 * the document, unlike a reader's failure on it. A store may act on the difference — a source stored as a
 * report before the definition changed is no report now, whereas a reader that newly fails on a report's
 * source must not destroy the report.
 */
public class NotAReportException extends UnreadableDocumentException {
  public NotAReportException(String format, String message) {
    super(format, message);
  }
}

package nianbao.core.document;

import java.time.Duration;

/**
 * Chooses the reader by the content (magic bytes, markup, Markdown tables), never by the file name, and enforces the limits
 * every reader shares: more than {@link #MAX_BYTES} is rejected before any reader looks at it, and a
 * reader that takes longer than {@link #TIME_LIMIT} is stopped and the document rejected (the structured
 * readers run on a worker thread, the text reader on the caller's; every loop of every reader checks the
 * deadline, so no reader goes on using the CPU once the document is refused). Readers never surface an OutOfMemoryError or a stack overflow: either becomes a
 * rejection with its reason.
 */
public final class DocumentReaders {
  /** Larger documents are rejected before any reader looks at them. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;
  /** A reader still working after this long is stopped. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  private static final TextReader TEXT = new TextReader();

  // Each structured reader (and its library: XML factories, jsoup, PDFBox) is loaded when a document first
  // needs it: a cold start that reads a text report pays for no other.
  private static final class Html {
    static final HtmlReader READER = new HtmlReader();
  }

  private static final class Markdown {
    static final MarkdownReader READER = new MarkdownReader();
  }

  private static final class Docx {
    static final DocxReader READER = new DocxReader();
  }

  private static final class Pdf {
    static final PdfReader READER = new PdfReader();
  }

  private DocumentReaders() {}

  public static Document read(byte[] bytes) throws UnreadableDocumentException {
    return read(bytes, TIME_LIMIT);
  }

  /** As {@link #read(byte[])} with another time limit (tests). */
  static Document read(byte[] bytes, Duration limit) throws UnreadableDocumentException {
    if (bytes.length == 0) {
      throw new UnreadableDocumentException("unknown", "文件为空");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length);
    }
    String format = FormatSniffer.sniff(bytes);
    DocumentReader reader = reader(format);
    if (reader == null) {
      throw new UnreadableDocumentException(format, "不支持的文件格式：" + FormatSniffer.describe(format));
    }
    if (reader == TEXT) {
      return Deadline.runHere(TextReader.FORMAT, limit, () -> TEXT.read(bytes));
    }
    return withLimit(reader, bytes, limit);
  }

  /** Runs one reader with the time limit (and the memory and stack guards). */
  static Document withLimit(DocumentReader reader, byte[] bytes, Duration limit) throws UnreadableDocumentException {
    return Deadline.run(reader.format(), limit, () -> reader.read(bytes));
  }

  /** The readers by format name, for callers that report which readers exist (e.g. {@code source.reader}). */
  public static DocumentReader reader(String format) {
    return switch (format) {
      case TextReader.FORMAT -> TEXT;
      case HtmlReader.FORMAT -> Html.READER;
      case MarkdownReader.FORMAT -> Markdown.READER;
      case DocxReader.FORMAT -> Docx.READER;
      case PdfReader.FORMAT -> Pdf.READER;
      default -> null;
    };
  }

  public static UnreadableDocumentException tooLarge(long size) {
    return new UnreadableDocumentException("unknown", String.format(java.util.Locale.ROOT,
        "文件过大（%.1f MB，上限 %d MB）", size / 1048576.0, MAX_BYTES / 1048576));
  }
}

package nianbao.core.document;

/**
 * Chooses the reader by the content (magic bytes, markup), never by the file name, and enforces the limits
 * every reader shares.
 */
public final class DocumentReaders {
  /** Larger documents are rejected before any reader looks at them. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final TextReader TEXT = new TextReader();

  private DocumentReaders() {}

  public static Document read(byte[] bytes) throws UnreadableDocumentException {
    if (bytes.length == 0) {
      throw new UnreadableDocumentException("unknown", "文件为空");
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(bytes.length);
    }
    String format = FormatSniffer.sniff(bytes);
    return switch (format) {
      case TextReader.FORMAT -> TEXT.read(bytes);
      default -> throw new UnreadableDocumentException(format, "不支持的文件格式：" + FormatSniffer.describe(format));
    };
  }

  public static UnreadableDocumentException tooLarge(long size) {
    return new UnreadableDocumentException("unknown", String.format(java.util.Locale.ROOT,
        "文件过大（%.1f MB，上限 %d MB）", size / 1048576.0, MAX_BYTES / 1048576));
  }
}

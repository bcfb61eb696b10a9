package nianbao.core.document;

/** Reads the bytes of one document format into blocks. One class per format; it never recognises reports. */
public interface DocumentReader {
  /** The format name written to {@code source.format}: txt, html, docx, pdf. */
  String format();

  /** The reader's name and version written to {@code source.reader}, e.g. {@code "txt/1"}. */
  String version();

  Document read(byte[] bytes) throws UnreadableDocumentException;
}

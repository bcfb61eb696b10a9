package nianbao.ingest;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.ocr.ZipArchive;

/**
 * A ZIP of documents — an office collects a region's reports as one archive — read as a batch: each document in it
 * becomes an upload of its own (its own report, its own upload status). Read by the OCR module's
 * {@link ZipArchive}, with the same limits against archive bombs as a ZIP of page images (entries, total inflated
 * size, ratio, no nesting); an entry over the size limit of one upload, or an archive inside the archive, is
 * skipped with its reason.
 */
public final class ZipBatch {
  static final String FORMAT = ZipArchive.FORMAT;

  public record Entry(String name, byte[] bytes) {}

  public record Skipped(String name, String reason) {}

  /** The documents to upload one by one, in the archive's order, and what was left out and why. */
  public record Contents(List<Entry> documents, List<Skipped> skipped) {}

  private ZipBatch() {}

  public static boolean isZip(byte[] b) {
    return ZipArchive.isZip(b);
  }

  /**
   * @throws UnreadableDocumentException when the archive is damaged or breaks a limit as a whole (too many
   *     entries, too much in all, an entry that inflates like a bomb)
   */
  public static Contents read(byte[] zip) throws UnreadableDocumentException {
    List<Entry> documents = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (ZipArchive.Entry e : ZipArchive.read(zip, DocumentReaders.MAX_BYTES, Integer.MAX_VALUE).entries()) {
      if (e.skipped() != null) {
        skipped.add(new Skipped(e.name(), e.skipped()));
      } else {
        documents.add(new Entry(e.name(), e.bytes()));
      }
    }
    return new Contents(documents, skipped);
  }

  /**
   * Where an entry is put in the bucket: in a folder beside the archive named after it ({@code 批量.zip.files/新乡县.docx};
   * not under the archive's key itself, which a file-system store such as the local stack's cannot hold beside
   * the archive), its path inside the archive kept without empty, {@code .} or {@code ..} segments and control
   * characters.
   */
  public static String entryKey(String zipKey, String entryName) {
    List<String> segments = new ArrayList<>();
    for (String s : entryName.replace('\\', '/').split("/")) {
      StringBuilder clean = new StringBuilder();
      s.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
      String segment = clean.toString().strip();
      if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
        segments.add(segment);
      }
    }
    return folder(zipKey) + (segments.isEmpty() ? "document" : String.join("/", segments));
  }

  /** The folder a batch's documents are put in: {@code <zip key>.files/}. */
  public static String folder(String zipKey) {
    return zipKey + ".files/";
  }
}

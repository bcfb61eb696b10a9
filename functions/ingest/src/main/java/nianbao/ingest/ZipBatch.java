package nianbao.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.UnreadableDocumentException;

/**
 * A ZIP of documents — an office collects a region's reports as one archive — read as a batch: each document in it
 * becomes an upload of its own (its own report, its own upload status). Inflated with the usual limits against
 * archive bombs, counted on the bytes that really come out (a header's sizes can lie): at most {@link #MAX_ENTRIES}
 * entries and {@link #MAX_TOTAL_BYTES} in all, no entry inflating more than {@link #MAX_RATIO} times its compressed
 * size; an entry over the size limit of one upload, or an archive inside the archive, is skipped with its reason
 * (nesting is refused: no archive is ever unpacked from an unpacked archive). Folders and archivers' litter
 * (__MACOSX/, .DS_Store, Thumbs.db) are ignored. Names are UTF-8 where the archiver says so, else GB18030 (what
 * Windows' archivers in China write).
 */
public final class ZipBatch {
  static final int MAX_ENTRIES = 200;
  static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
  static final long MAX_RATIO = 100;
  static final String FORMAT = "zip";

  public record Entry(String name, byte[] bytes) {}

  public record Skipped(String name, String reason) {}

  /** The documents to upload one by one, in the archive's order, and what was left out and why. */
  public record Contents(List<Entry> documents, List<Skipped> skipped) {}

  private ZipBatch() {}

  public static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 0x50 && b[1] == 0x4B && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
  }

  /**
   * @throws UnreadableDocumentException when the archive is damaged or breaks a limit as a whole (too many
   *     entries, too much in all, an entry that inflates like a bomb)
   */
  public static Contents read(byte[] zip) throws UnreadableDocumentException {
    try {
      return read(zip, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedName) {
      return read(zip, Charset.forName("GB18030"));
    }
  }

  private static Contents read(byte[] zip, Charset names) throws UnreadableDocumentException {
    List<Entry> documents = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory() || litter(e.getName())) {
          continue;
        }
        if (++entries > MAX_ENTRIES) {
          throw new UnreadableDocumentException(FORMAT, "压缩包内文件过多（上限 " + MAX_ENTRIES + " 个），请分成几个压缩包上传");
        }
        String name = e.getName();
        byte[] bytes = inflate(in, DocumentReaders.MAX_BYTES);
        if (bytes == null) {
          skipped.add(new Skipped(name, "文件过大（上限 " + DocumentReaders.MAX_BYTES / 1048576 + " MB）"));
          total += DocumentReaders.MAX_BYTES;
        } else {
          total += bytes.length;
          long compressed = e.getCompressedSize();
          if (compressed > 0 && bytes.length > 1024 * 1024 && bytes.length / compressed > MAX_RATIO) {
            throw new UnreadableDocumentException(FORMAT, "压缩包中的 " + name + " 压缩比异常（超过 " + MAX_RATIO
                + " 倍），疑为压缩炸弹，未拆开");
          }
          if (isZip(bytes) || archive(name)) {
            skipped.add(new Skipped(name, "压缩包中的压缩包不再拆开，请直接上传其中的文件"));
          } else {
            documents.add(new Entry(name, bytes));
          }
        }
        if (total > MAX_TOTAL_BYTES) {
          throw new UnreadableDocumentException(FORMAT, "压缩包解压后超过 " + MAX_TOTAL_BYTES / 1048576
              + " MB，未拆开；请分成几个压缩包上传");
        }
      }
    } catch (IOException e) {
      throw new UnreadableDocumentException(FORMAT, "压缩包已损坏，无法解开（" + e.getMessage() + "）");
    }
    if (entries == 0) {
      throw new UnreadableDocumentException(FORMAT, "压缩包是空的，或已损坏");
    }
    return new Contents(documents, skipped);
  }

  /** The entry's bytes, or null once more than {@code max} come out (reading stops there). */
  private static byte[] inflate(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > max) {
        return null;
      }
    }
    return out.toByteArray();
  }

  private static boolean litter(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || base.startsWith(".") || base.equalsIgnoreCase("Thumbs.db");
  }

  private static boolean archive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".rar") || n.endsWith(".7z") || n.endsWith(".tar")
        || n.endsWith(".gz");
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

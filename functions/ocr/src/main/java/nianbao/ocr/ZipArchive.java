package nianbao.ocr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nianbao.core.document.UnreadableDocumentException;

/**
 * A ZIP upload read with one set of limits against archive bombs, for both its uses: a scan's page images
 * ({@link ZipPages}) and a batch of documents (ingest's {@code ZipBatch}). Limits are counted on the bytes that
 * really come out (a header's sizes can lie): at most {@link #MAX_ENTRIES} files and {@link #MAX_TOTAL_BYTES} in
 * all, no entry over a megabyte inflating more than {@link #MAX_RATIO} times its compressed size; any of these
 * refuses the whole archive. An entry over the caller's size limit for one file, or an archive inside the archive
 * (nesting is never unpacked), is listed as skipped with its reason. Folders and archivers' litter (__MACOSX/,
 * .DS_Store, Thumbs.db, desktop.ini) are ignored. Names are UTF-8 where they decode so, else GB18030 (what Windows'
 * archivers in China write, without the UTF-8 flag).
 */
public final class ZipArchive {
  public static final String FORMAT = "zip";
  public static final int MAX_ENTRIES = 200;
  public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
  /** Documents and images are rarely compressible a hundredfold; zeros are, without end. */
  public static final long MAX_RATIO = 100;
  /** Entries smaller than this are not judged by their ratio: a short text of spaces compresses honestly. */
  static final long RATIO_FROM_BYTES = 1024 * 1024;
  static final String NESTED = "压缩包中的压缩包不再拆开，请直接上传其中的文件";

  /**
   * One file of the archive.
   *
   * @param bytes   its bytes (or only the first few, as the caller asked), null when skipped
   * @param skipped why it was left out (too large, an archive itself), or null
   */
  public record Entry(String name, byte[] bytes, String skipped) {}

  /** The archive's files in its order, and the charset their names were decoded with. */
  public record Contents(List<Entry> entries, Charset names) {}

  private ZipArchive() {}

  public static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 0x50 && b[1] == 0x4B && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
  }

  /**
   * Every file, inflated one at a time within the limits.
   *
   * @param maxEntryBytes the largest file the caller takes: a larger one is skipped, counted at this size
   * @param keep          how many leading bytes of each file to keep ({@code Integer.MAX_VALUE}: all)
   * @throws UnreadableDocumentException when the archive is damaged, empty, or breaks a limit as a whole
   */
  public static Contents read(byte[] zip, long maxEntryBytes, int keep) throws UnreadableDocumentException {
    try {
      return read(zip, StandardCharsets.UTF_8, maxEntryBytes, keep);
    } catch (IllegalArgumentException malformedName) {
      return read(zip, Charset.forName("GB18030"), maxEntryBytes, keep);
    }
  }

  private static Contents read(byte[] zip, Charset names, long maxEntryBytes, int keep)
      throws UnreadableDocumentException {
    List<Entry> entries = new ArrayList<>();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory() || litter(e.getName())) {
          continue;
        }
        if (entries.size() >= MAX_ENTRIES) {
          throw new UnreadableDocumentException(FORMAT, "压缩包内文件过多（上限 " + MAX_ENTRIES + " 个），请分成几个压缩包上传");
        }
        String name = e.getName();
        byte[] bytes = inflate(in, maxEntryBytes);
        if (bytes == null) {
          entries.add(new Entry(name, null, "文件过大（上限 " + maxEntryBytes / 1048576 + " MB）"));
          total += maxEntryBytes;
        } else {
          total += bytes.length;
          long compressed = e.getCompressedSize();
          if (compressed > 0 && bytes.length > RATIO_FROM_BYTES && bytes.length / compressed > MAX_RATIO) {
            throw new UnreadableDocumentException(FORMAT, "压缩包中的 " + name + " 解压后过大，压缩比超过 " + MAX_RATIO
                + " 倍，疑为压缩炸弹，未拆开");
          }
          entries.add(isZip(bytes) || archive(name) ? new Entry(name, null, NESTED)
              : new Entry(name, bytes.length <= keep ? bytes : Arrays.copyOf(bytes, keep), null));
        }
        if (total > MAX_TOTAL_BYTES) {
          throw new UnreadableDocumentException(FORMAT, "压缩包解压后过大（超过 " + MAX_TOTAL_BYTES / 1048576
              + " MB），未拆开；请分成几个压缩包上传");
        }
      }
    } catch (IOException e) {
      throw new UnreadableDocumentException(FORMAT, "压缩包已损坏，无法解开（" + e.getMessage() + "）", e);
    }
    if (entries.isEmpty()) {
      throw new UnreadableDocumentException(FORMAT, "压缩包是空的，或已损坏");
    }
    return new Contents(List.copyOf(entries), names);
  }

  /**
   * The bytes of the file {@code name} of an archive {@link #read} already let through (so within its limits), or
   * null when it has none by that name.
   */
  static byte[] entry(byte[] zip, Charset names, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    return null;
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

  static boolean litter(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || base.startsWith(".")
        || base.equalsIgnoreCase("Thumbs.db") || base.equalsIgnoreCase("desktop.ini");
  }

  private static boolean archive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".rar") || n.endsWith(".7z") || n.endsWith(".tar")
        || n.endsWith(".gz");
  }
}

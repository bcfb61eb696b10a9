package nianbao.ocr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nianbao.core.document.UnreadableDocumentException;

/**
 * A ZIP of page images, pages in the natural order of the names (页2 before 页10). Every entry is inflated once
 * when the archive is opened, counting the bytes that really come out (a header's sizes can lie), within the
 * limits below; a page is inflated again when it is asked for, so only one page is in memory at a time.
 * Folders and the litter of archivers (__MACOSX/, .DS_Store, Thumbs.db) are ignored.
 */
final class ZipPages implements PageSource {
  static final String FORMAT = "zip";
  static final int MAX_ENTRIES = 200;
  static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 400L * 1024 * 1024;
  /** Images are compressed already: an entry that inflates a hundredfold is a bomb, not a page. */
  static final long MAX_RATIO = 100;

  /** What an archive holds: its page images' names in page order, and whether anything else is in it. */
  record Contents(List<String> images, List<String> others, Charset names) {}

  private final byte[] zip;
  private final List<String> names;
  private final Charset charset;

  private ZipPages(byte[] zip, List<String> names, Charset charset) {
    this.zip = zip;
    this.names = names;
    this.charset = charset;
  }

  static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 0x50 && b[1] == 0x4B && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6);
  }

  /** @throws UnreadableDocumentException when the archive holds anything but page images, or breaks a limit */
  static ZipPages open(byte[] zip) throws UnreadableDocumentException {
    Contents contents = contents(zip);
    if (!contents.others().isEmpty()) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 中不只有页面图片（如 " + contents.others().get(0)
          + "）：扫描件的 ZIP 只能包含各页图片");
    }
    if (contents.images().isEmpty()) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 中没有图片");
    }
    ImagePages.requireSeveral(contents.images().size(), FORMAT);
    return new ZipPages(zip, contents.images(), contents.names());
  }

  /**
   * The archive's entries sorted into images and others, every entry inflated within the limits. Names are UTF-8
   * where the archiver flagged them so, else (Windows' archivers in China) GB18030.
   */
  static Contents contents(byte[] zip) throws UnreadableDocumentException {
    try {
      return contents(zip, StandardCharsets.UTF_8);
    } catch (UnreadableDocumentException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        return contents(zip, Charset.forName("GB18030"));
      }
      throw e;
    }
  }

  private static Contents contents(byte[] zip, Charset charset) throws UnreadableDocumentException {
    List<String> images = new ArrayList<>();
    List<String> others = new ArrayList<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), charset)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (++entries > MAX_ENTRIES) {
          throw new UnreadableDocumentException(FORMAT, "ZIP 中文件过多（上限 " + MAX_ENTRIES + " 个）");
        }
        if (e.isDirectory() || ignored(e.getName())) {
          continue;
        }
        byte[] head = new byte[8];
        int headLength = in.readNBytes(head, 0, head.length);
        long size = headLength + drain(in, MAX_ENTRY_BYTES - headLength);
        total += size;
        long compressed = e.getCompressedSize();
        if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES
            || compressed > 0 && size > 1024 * 1024 && size / compressed > MAX_RATIO) {
          throw new UnreadableDocumentException(FORMAT, "ZIP 解压后过大（单个文件上限 " + MAX_ENTRY_BYTES / 1024 / 1024
              + " MB，合计 " + MAX_TOTAL_BYTES / 1024 / 1024 + " MB）");
        }
        byte[] start = java.util.Arrays.copyOf(head, headLength);
        (ImagePages.isImage(start) ? images : others).add(e.getName());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 已损坏，无法读取", e);
    }
    images.sort(NATURAL);
    return new Contents(List.copyOf(images), List.copyOf(others), charset);
  }

  /** Reads at most {@code limit + 1} bytes and discards them; returns how many there were. */
  private static long drain(InputStream in, long limit) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long n = 0;
    for (int r; n <= limit && (r = in.read(buffer)) > 0; ) {
      n += r;
    }
    return n;
  }

  static boolean ignored(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || base.startsWith(".")
        || base.equalsIgnoreCase("Thumbs.db") || base.equalsIgnoreCase("desktop.ini");
  }

  @Override
  public int count() {
    return names.size();
  }

  @Override
  public PageImage page(int n) throws UnreadableDocumentException {
    if (n < 1 || n > count()) {
      throw new IndexOutOfBoundsException("page " + n + " of " + count());
    }
    String name = names.get(n - 1);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), charset)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          in.transferTo(out); // within MAX_ENTRY_BYTES: checked when the archive was opened
          return ImagePages.decode(out.toByteArray(), 0, n, FORMAT);
        }
      }
    } catch (IOException e) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 已损坏，无法读取", e);
    }
    throw new UnreadableDocumentException(FORMAT, "ZIP 中找不到第 " + n + " 页（" + name + "）");
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public void close() {}

  /** Names compared with their runs of digits as numbers: p2.jpg before p10.jpg; then case-blind, then as is. */
  static final Comparator<String> NATURAL = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (c != 0) {
          return c;
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)) != 0
        ? a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)) : a.compareTo(b);
  };
}

package nianbao.ocr;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nianbao.core.document.UnreadableDocumentException;

/**
 * A ZIP of page images, pages in the natural order of the names (页2 before 页10). The archive is read once when
 * it is opened, within {@link ZipArchive}'s limits (the same as a batch of documents), keeping only each entry's
 * first bytes to tell an image; a page is inflated again when it is asked for, so only one page is in memory at a
 * time.
 */
final class ZipPages implements PageSource {
  static final String FORMAT = ZipArchive.FORMAT;
  /** The largest page image: a page scanned in colour at 600 dpi is some 30 MB as PNG. */
  static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

  /** What an archive holds: its page images' names in page order, and what else is in it (with a reason, if any). */
  record Contents(List<String> images, List<ZipArchive.Entry> others, Charset names) {}

  private final byte[] zip;
  private final List<String> names;
  private final Charset charset;

  private ZipPages(byte[] zip, List<String> names, Charset charset) {
    this.zip = zip;
    this.names = names;
    this.charset = charset;
  }

  static boolean isZip(byte[] b) {
    return ZipArchive.isZip(b);
  }

  /** @throws UnreadableDocumentException when the archive holds anything but page images, or breaks a limit */
  static ZipPages open(byte[] zip) throws UnreadableDocumentException {
    Contents contents = contents(zip);
    if (!contents.others().isEmpty()) {
      ZipArchive.Entry other = contents.others().get(0);
      throw new UnreadableDocumentException(FORMAT, other.skipped() != null
          ? "ZIP 中的 " + other.name() + " " + other.skipped() + "：扫描件的 ZIP 只能包含各页图片"
          : "ZIP 中不只有页面图片（如 " + other.name() + "）：扫描件的 ZIP 只能包含各页图片");
    }
    if (contents.images().isEmpty()) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 中没有图片");
    }
    ImagePages.requireSeveral(contents.images().size(), FORMAT);
    return new ZipPages(zip, contents.images(), contents.names());
  }

  /** The archive's entries sorted into images and others, read within {@link ZipArchive}'s limits. */
  static Contents contents(byte[] zip) throws UnreadableDocumentException {
    ZipArchive.Contents archive = ZipArchive.read(zip, MAX_ENTRY_BYTES, 8);
    List<String> images = new ArrayList<>();
    List<ZipArchive.Entry> others = new ArrayList<>();
    for (ZipArchive.Entry e : archive.entries()) {
      if (e.skipped() == null && ImagePages.isImage(e.bytes())) {
        images.add(e.name());
      } else {
        others.add(e);
      }
    }
    images.sort(NATURAL);
    return new Contents(List.copyOf(images), List.copyOf(others), archive.names());
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
    try {
      byte[] image = ZipArchive.entry(zip, charset, name); // within the limits: checked when the archive was opened
      if (image == null) {
        throw new UnreadableDocumentException(FORMAT, "ZIP 中找不到第 " + n + " 页（" + name + "）");
      }
      return ImagePages.decode(image, 0, n, FORMAT);
    } catch (IOException e) {
      throw new UnreadableDocumentException(FORMAT, "ZIP 已损坏，无法读取", e);
    }
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

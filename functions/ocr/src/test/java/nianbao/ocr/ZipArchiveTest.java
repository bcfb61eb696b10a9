package nianbao.ocr;

import static nianbao.ocr.ScanInputsTest.png;
import static nianbao.ocr.ScanInputsTest.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.core.document.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

/** The one ZIP reading of page images and of batches, given the archives careless or hostile senders make. */
class ZipArchiveTest {
  private static final Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void aBombIsRefusedOnWhatInflatesNotOnWhatItsHeadersSay() throws Exception {
    byte[] bomb = zip(UTF8, "报告.txt", "甲".getBytes(UTF8), "zeros.txt", new byte[3 * 1024 * 1024]);
    assertTrue(bomb.length < 64 * 1024);
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ZipArchive.read(bomb, 50L * 1024 * 1024, Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("zeros.txt") && e.getMessage().contains("压缩炸弹"), e.getMessage());
    // and a ZIP of page images with it is refused the same way
    assertThrows(UnreadableDocumentException.class, () -> ScanInputs.pages(bomb, "bomb.zip"));
    assertFalse(ScanInputs.needsOcr(bomb, "bomb.zip"));
  }

  @Test
  void tooManyFilesAreRefusedLitterAndFoldersNotCounted() throws Exception {
    Object[] many = new Object[2 * (ZipArchive.MAX_ENTRIES + 3)];
    for (int i = 0; i < ZipArchive.MAX_ENTRIES; i++) {
      many[2 * i] = i + ".txt";
      many[2 * i + 1] = new byte[] {(byte) i};
    }
    many[2 * ZipArchive.MAX_ENTRIES] = "__MACOSX/._0.txt";
    many[2 * ZipArchive.MAX_ENTRIES + 1] = new byte[] {1};
    many[2 * ZipArchive.MAX_ENTRIES + 2] = ".DS_Store";
    many[2 * ZipArchive.MAX_ENTRIES + 3] = new byte[] {1};
    many[2 * ZipArchive.MAX_ENTRIES + 4] = "Thumbs.db";
    many[2 * ZipArchive.MAX_ENTRIES + 5] = new byte[] {1};
    assertEquals(ZipArchive.MAX_ENTRIES, ZipArchive.read(zip(UTF8, many), 1024, 16).entries().size());

    many[2 * ZipArchive.MAX_ENTRIES] = "one-too-many.txt";
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ZipArchive.read(zip(UTF8, many), 1024, 16));
    assertTrue(e.getMessage().contains("文件过多"), e.getMessage());
  }

  @Test
  void anArchiveInsideIsNeverUnpackedButSkippedWithItsReason() throws Exception {
    byte[] inner = zip(UTF8, "1.png", png(40), "2.png", png(40));
    byte[] outer = zip(UTF8, "新乡县.txt", "甲".getBytes(UTF8), "pages.zip", inner, "renamed.dat", inner,
        "old.rar", new byte[] {'R', 'a', 'r', '!'});
    List<ZipArchive.Entry> entries = ZipArchive.read(outer, 1024 * 1024, Integer.MAX_VALUE).entries();
    assertEquals(List.of("新乡县.txt", "pages.zip", "renamed.dat", "old.rar"),
        entries.stream().map(ZipArchive.Entry::name).toList());
    assertNull(entries.get(0).skipped());
    for (ZipArchive.Entry nested : entries.subList(1, 4)) {
      assertEquals(ZipArchive.NESTED, nested.skipped(), nested.name());
      assertNull(nested.bytes());
    }
    // a ZIP of page images with an archive of pages inside is no scan: it says what is in the way
    byte[] pagesAndArchive = zip(UTF8, "1.png", png(40), "2.png", png(40), "more.zip", inner);
    assertFalse(ScanInputs.needsOcr(pagesAndArchive, "s.zip"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(pagesAndArchive, "s.zip"));
    assertTrue(e.getMessage().contains("more.zip") && e.getMessage().contains("不再拆开"), e.getMessage());
  }

  @Test
  void namesWrittenInGbkWithoutTheUtf8FlagAreReadAndPagesGoInNaturalOrder() throws Exception {
    Charset gbk = Charset.forName("GBK");
    byte[] pages = zip(gbk, "扫描/第10页.png", png(40), "扫描/第2页.png", png(40), "扫描/第1页.png", png(40));
    ZipArchive.Contents contents = ZipArchive.read(pages, 1024 * 1024, 8);
    assertEquals(List.of("扫描/第10页.png", "扫描/第2页.png", "扫描/第1页.png"),
        contents.entries().stream().map(ZipArchive.Entry::name).toList());
    assertEquals(8, contents.entries().get(0).bytes().length);
    assertEquals(List.of("扫描/第1页.png", "扫描/第2页.png", "扫描/第10页.png"), ZipPages.contents(pages).images());
    try (PageSource source = ScanInputs.pages(pages, "扫描.zip")) {
      assertEquals(3, source.count());
      assertEquals(40, source.page(3).image().getWidth());
    }
  }

  @Test
  void aFileOverTheCallersLimitIsSkippedWithItsReasonAndAPageOverItRefusesTheScan() throws Exception {
    byte[] big = new byte[4096];
    new java.util.Random(1).nextBytes(big);
    List<ZipArchive.Entry> entries = ZipArchive.read(zip(UTF8, "big.pdf", big, "small.txt", new byte[] {1}), 1000,
        Integer.MAX_VALUE).entries();
    assertTrue(entries.get(0).skipped().contains("文件过大"), entries.get(0).skipped());
    assertNull(entries.get(1).skipped());
  }

  @Test
  void aSinglePhotoUnsupportedFilesAnEmptyOrBrokenArchiveEachSayWhy() throws Exception {
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(zip(UTF8, "照片.png", png(40)), "照片.zip"));
    assertTrue(e.getMessage().contains("不完整"), e.getMessage());

    byte[] mixed = zip(UTF8, "1.png", png(40), "2.png", png(40), "说明.exe", new byte[] {'M', 'Z', 0, 0});
    assertFalse(ScanInputs.needsOcr(mixed, "mixed.zip")); // not a scan: a batch, whose reader refuses the .exe
    e = assertThrows(UnreadableDocumentException.class, () -> ScanInputs.pages(mixed, "mixed.zip"));
    assertTrue(e.getMessage().contains("说明.exe"), e.getMessage());

    e = assertThrows(UnreadableDocumentException.class,
        () -> ZipArchive.read(zip(UTF8, "__MACOSX/._a.png", new byte[] {1}), 1024, 8));
    assertTrue(e.getMessage().contains("空"), e.getMessage());
    assertThrows(UnreadableDocumentException.class, () -> ZipArchive.read(new byte[] {0x50, 0x4B, 3, 4, 9, 9}, 1024,
        8));
  }
}

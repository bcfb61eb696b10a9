package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import nianbao.core.document.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

class ScanInputsTest {
  static byte[] png(int width) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(Drawn.page(width, width * 3 / 2), "png", out);
    return out.toByteArray();
  }

  static byte[] zip(Charset names, Object... nameAndBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
      for (int i = 0; i < nameAndBytes.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) nameAndBytes[i]));
        zip.write((byte[]) nameAndBytes[i + 1]);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ScanInputsTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aZipsPagesComeInTheNaturalOrderOfTheirNames() throws Exception {
    byte[] zip = zip(Charset.forName("GB18030"), "扫描/第10页.png", png(110), "扫描/第2页.png", png(102),
        "__MACOSX/._第1页.png", new byte[] {1, 2}, "扫描/第1页.png", png(101), "Thumbs.db", new byte[] {0});

    assertTrue(ScanInputs.needsOcr(zip, "报告.zip"));
    try (PageSource pages = ScanInputs.pages(zip, "报告.zip")) {
      assertEquals(3, pages.count());
      assertEquals("zip", pages.format());
      assertEquals(List.of(101, 102, 110), List.of(pages.page(1).image().getWidth(), pages.page(2).image().getWidth(),
          pages.page(3).image().getWidth()));
      assertEquals(1, pages.page(1).page());
    }
  }

  @Test
  void naturalOrderComparesRunsOfDigitsAsNumbers() {
    List<String> names = new java.util.ArrayList<>(List.of("p10.jpg", "p2.jpg", "P1.jpg", "p02b.jpg", "a.jpg"));
    names.sort(ZipPages.NATURAL);
    assertEquals(List.of("a.jpg", "P1.jpg", "p2.jpg", "p02b.jpg", "p10.jpg"), names);
  }

  @Test
  void aSinglePhotoIsRefusedAsIncompleteWithTheReason() throws Exception {
    byte[] photo = png(100);
    assertTrue(ScanInputs.needsOcr(photo, "第1页.png"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(photo, "第1页.png"));
    assertTrue(e.getMessage().contains("不完整"), e.getMessage());
    assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(zip(Charset.forName("UTF-8"), "1.png", photo), "一页.zip"));
  }

  @Test
  void aZipOfDocumentsIsNoScan() throws Exception {
    byte[] zip = zip(Charset.forName("UTF-8"), "a.png", png(100), "b.docx", resource("/documents/003_978a9fff42e671ca.docx"));
    assertFalse(ScanInputs.needsOcr(zip, "batch.zip"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(zip, "batch.zip"));
    assertTrue(e.getMessage().contains("b.docx"), e.getMessage());
  }

  @Test
  void zipBombsAreRefused() throws Exception {
    byte[] zeros = new byte[60 * 1024 * 1024]; // 60 MB of nothing compresses to about 60 KB
    zeros[0] = (byte) 0x89;
    zeros[1] = 'P';
    zeros[2] = 'N';
    zeros[3] = 'G';
    byte[] big = zip(Charset.forName("UTF-8"), "1.png", png(100), "2.png", zeros);
    assertTrue(big.length < 1024 * 1024);
    assertThrows(UnreadableDocumentException.class, () -> ScanInputs.pages(big, "bomb.zip"));

    byte[] ratio = zip(Charset.forName("UTF-8"), "1.png", png(100), "2.png",
        java.util.Arrays.copyOf(zeros, 3 * 1024 * 1024));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(ratio, "bomb.zip"));
    assertTrue(e.getMessage().contains("过大"), e.getMessage());

    Object[] many = new Object[2 * (ZipArchive.MAX_ENTRIES + 1)];
    byte[] tiny = png(10);
    for (int i = 0; i < ZipArchive.MAX_ENTRIES + 1; i++) {
      many[2 * i] = i + ".png";
      many[2 * i + 1] = tiny;
    }
    e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(zip(Charset.forName("UTF-8"), many), "many.zip"));
    assertTrue(e.getMessage().contains("过多"), e.getMessage());
  }

  @Test
  void aMultiPageTiffIsOneDocument() throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (int w : new int[] {120, 130}) {
        BufferedImage page = new BufferedImage(w, 200, BufferedImage.TYPE_BYTE_GRAY);
        writer.writeToSequence(new IIOImage(page, null, null), null);
      }
      writer.endWriteSequence();
    }
    byte[] tiff = out.toByteArray();

    assertTrue(ScanInputs.needsOcr(tiff, "scan.tif"));
    try (PageSource pages = ScanInputs.pages(tiff, "scan.tif")) {
      assertEquals(2, pages.count());
      assertEquals(130, pages.page(2).image().getWidth());
      assertEquals(200 / 11.69f, pages.page(2).dpi(), 0.1f, "no resolution recorded: taken as A4");
    }
  }

  @Test
  void aPdfNeedsOcrWhenItHasNoTextLayer() throws Exception {
    assertTrue(ScanInputs.needsOcr(resource("/documents/reject-scanned.pdf"), "scan.pdf"));
    byte[] text = resource("/documents/003_978a9fff42e671ca.pdf");
    assertFalse(ScanInputs.needsOcr(text, "text.pdf"));
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ScanInputs.pages(text, "text.pdf"));
    assertTrue(e.getMessage().contains("文字层"), e.getMessage());
    try (PageSource pages = ScanInputs.pages(resource("/documents/reject-scanned.pdf"), "scan.pdf")) {
      PageImage first = pages.page(1);
      assertEquals(300, first.dpi());
      assertEquals(596.4f, first.widthPt(), 2f);
    }
  }

  @Test
  void aScannedPdfPageIsRenderedAtItsPicturesOwnResolution() throws Exception {
    BufferedImage picture = Drawn.page(1654, 2339); // A4 scanned at 200 dpi
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
          org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
      doc.addPage(page);
      var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture);
      try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
        content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
      doc.save(pdf);
    }

    try (PageSource pages = ScanInputs.pages(pdf.toByteArray(), "scan.pdf")) {
      PageImage first = pages.page(1);
      assertEquals(200, first.dpi(), "not resampled to 300: thin rules would turn into pale smears");
      assertEquals(1654, first.image().getWidth(), 1);
    }
    assertEquals(300, PdfPages.renderDpi(96), "too coarse to read as it is");
    assertEquals(300, PdfPages.renderDpi(600));
    assertEquals(150, PdfPages.renderDpi(150));
  }

  @Test
  void otherFilesAreNoScans() {
    byte[] text = "新乡县人民政府2022年政府信息公开工作年度报告".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(ScanInputs.needsOcr(text, "a.txt"));
    assertThrows(UnreadableDocumentException.class, () -> ScanInputs.pages(text, "a.txt"));
  }
}

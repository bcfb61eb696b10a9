package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.JsonTree;
import nianbao.fixtures.SeedReports;
import nianbao.ocr.ZipArchive;
import nianbao.store.UploadView;
import org.junit.jupiter.api.Test;

/**
 * A ZIP of documents is a batch: each document becomes an upload of its own, read as its own report with its own
 * status, and the ZIP's status lists them; the archive-bomb limits hold on what really inflates.
 */
class ZipBatchTest {
  static byte[] zip(Map<String, byte[]> entries, Charset names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out, names)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void documentsAreListedInOrderWithFoldersLitterAndNestedArchivesLeftOut() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("新乡县/2022年报.txt", "甲".getBytes(StandardCharsets.UTF_8));
    entries.put("__MACOSX/新乡县/._2022年报.txt", new byte[] {1});
    entries.put(".DS_Store", new byte[] {1});
    entries.put("inner.zip", zip(Map.of("a.txt", new byte[] {1}), StandardCharsets.UTF_8));
    entries.put("卫滨区.docx", "乙".getBytes(StandardCharsets.UTF_8));
    // names as Windows' archivers in China write them: GBK, without the UTF-8 flag
    for (Charset names : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
      ZipBatch.Contents c = ZipBatch.read(zip(entries, names));
      assertEquals(List.of("新乡县/2022年报.txt", "卫滨区.docx"), c.documents().stream().map(ZipBatch.Entry::name)
          .toList(), names.toString());
      assertEquals(List.of("inner.zip"), c.skipped().stream().map(ZipBatch.Skipped::name).toList());
    }
  }

  @Test
  void aBombIsRefusedOnWhatInflatesNotOnWhatItsHeadersSay() throws Exception {
    byte[] zeros = new byte[3 * 1024 * 1024];
    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
        () -> ZipBatch.read(zip(Map.of("zeros.txt", zeros), StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("压缩炸弹"), e.getMessage());

    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i <= ZipArchive.MAX_ENTRIES; i++) {
      many.put(i + ".txt", new byte[] {(byte) i});
    }
    e = assertThrows(UnreadableDocumentException.class, () -> ZipBatch.read(zip(many, StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("文件过多"), e.getMessage());
    assertThrows(UnreadableDocumentException.class, () -> ZipBatch.read(new byte[] {0x50, 0x4B, 3, 4, 9, 9}));
  }

  @Test
  void anEntrysKeyIsUnderTheArchivesKeyWithoutClimbingOut() {
    assertEquals("uploads/a.zip.files/x/报告.txt", ZipBatch.entryKey("uploads/a.zip", "../x/./报告.txt"));
    assertEquals("uploads/a.zip.files/b.txt", ZipBatch.entryKey("uploads/a.zip", "/\\b.txt"));
  }

  @Test
  void eachDocumentOfABatchIsIngestedAsItsOwnReportAndTheZipsStatusSaysSo() throws Exception {
    Backend.Local servers = Backend.Local.shared();
    Harness h = new Harness(servers, servers.dynamo(), ReportParser.CORE);
    List<Harness.Uploaded> unpacked = new ArrayList<>();
    Ingest ingest = h.ingest.unpackingZipsWith((bucket, key, bytes, metadata) -> unpacked.add(h.upload(key, bytes)));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("新乡县.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    entries.put("平潭.txt", SeedReports.bytes(SeedReports.PINGTAN_2022));
    entries.put("nested.zip", zip(Map.of("a.txt", new byte[] {1}), StandardCharsets.UTF_8));
    Harness.Uploaded batch = h.upload("uploads/批量/reports.zip", zip(entries, StandardCharsets.UTF_8));

    Ingest.RecordOutcome o = ingest.handle(S3Notification.parse(JsonTree.read(
        new ByteArrayInputStream(Harness.createdEvent(h.bucket, batch))))).get(0);

    assertEquals(Ingest.BATCH, o.handling());
    assertEquals(List.of("uploads/批量/reports.zip.files/新乡县.txt", "uploads/批量/reports.zip.files/平潭.txt"),
        unpacked.stream().map(Harness.Uploaded::key).toList());
    UploadView status = h.store.uploadHistory(h.bucket, batch.key()).get(0);
    assertTrue(status.batch());
    assertTrue(status.reason().startsWith("压缩包：拆出 2 个文件"), status.reason());
    assertTrue(status.reason().contains("nested.zip（压缩包中的压缩包不再拆开"), status.reason());
    // WHEN the documents' own events arrive THEN each is its own report, with its own upload status
    assertTrue(h.deliver(unpacked.toArray(Harness.Uploaded[]::new)).contains("CREATED"));
    for (Harness.Uploaded u : unpacked) {
      UploadView own = h.store.uploadHistory(h.bucket, u.key()).get(0);
      assertEquals("INGESTED", own.state(), u.key());
    }
    assertEquals(2, h.heads().size());
    h.assertSummariesExact();
  }
}

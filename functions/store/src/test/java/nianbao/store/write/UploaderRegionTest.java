package nianbao.store.write;

import static nianbao.store.write.Reports.report;
import static nianbao.store.write.Reports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.store.item.Keys;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * An upload asked for by a person limited to a region (河南省/新乡市) stores a report of that region, and refuses
 * one of elsewhere — a rejected upload with the reason, replacing nothing — whether the region came with the
 * object's event or, for a scan read later by text recognition, from the record ingest wrote first. An upload by
 * someone not limited is stored wherever its report lies.
 */
class UploaderRegionTest {
  private static final Region ZHENGZHOU = new Region("410102", "河南省", "郑州市", "中原区");
  private final MemoryTable table = new MemoryTable();
  private final Report xinxiang = report(2022, 5, 0, "v1");
  private final Report zhengzhou = report("中原区人民政府", ZHENGZHOU, 2022, 5, 0, "v1", Reports.TXT);

  private UploadedObject limited(String key, int second) {
    return upload(key, "1", second, String.format("%04d", second)).uploadedBy("user-1", "河南省/新乡市");
  }

  private SourceRecord record(UploadedObject upload) {
    return WriteRules.find(table.uploads(upload.bucket(), upload.key()), upload.objectVersionId());
  }

  @Test
  void aReportOfTheUploadersRegionIsStoredAndItsRecordNamesTheUploader() {
    UploadedObject upload = limited("a.txt", 0);
    Decision d = table.apply(new Change.Store(xinxiang, upload));
    assertEquals(WriteResult.CREATED, d.result());
    SourceRecord r = record(upload);
    assertEquals(SourceRecord.INGESTED, r.status());
    assertEquals("user-1", r.uploadedBy());
    assertEquals("河南省/新乡市", r.uploaderRegion());
  }

  @Test
  void aReportOfAnotherPlaceIsARejectedUploadWithTheReasonAndReplacesNothing() {
    table.apply(new Change.Store(zhengzhou, upload("earlier.txt", "1", 0, "0001")));
    String zhengzhouId = Reports.id(zhengzhou);
    long revision = table.head(zhengzhouId).orElseThrow().revision();
    Report corrected = report("中原区人民政府", ZHENGZHOU, 2022, 6, 0, "v2", Reports.TXT);
    UploadedObject upload = limited("b.txt", 10);

    Decision d = table.apply(new Change.Store(corrected, upload));

    assertEquals(WriteResult.REJECTED, d.result());
    SourceRecord r = record(upload);
    assertEquals(SourceRecord.REJECTED, r.status());
    assertEquals("上传者的权限限于河南省/新乡市，而这份报告属于河南省郑州市中原区，未存入（也未替换任何报告）；"
        + "请由有该地区权限的人员上传", r.reason());
    assertEquals("河南省/新乡市", r.uploaderRegion());
    assertEquals(revision, table.head(zhengzhouId).orElseThrow().revision(), "the stored report is untouched");
    assertEquals(Reports.id(zhengzhou), zhengzhouId);
    assertEquals(zhengzhou.source().sha256(), table.head(zhengzhouId).orElseThrow().currentSha());
    assertTrue(table.version(zhengzhouId, corrected.source().sha256()).isEmpty(), "no version of it");
    assertEquals(1, table.count(Keys.summary(2022, "河南省", "郑州市"), "reports"));
  }

  @Test
  void aScanReadByTextRecognitionIsHeldToTheRegionIngestRecorded() {
    UploadedObject scan = limited("scan.pdf", 0);
    Writes w = new Writes();
    w.put(scan.record(null, null, SourceRecord.RECOGNISING, "等待文字识别", "2026-12-07T09:00:00.000Z"));
    table.commit(w);
    UploadedObject asTheOcrEventSaysIt = upload("scan.pdf", "1", 0, "0000");
    assertNull(asTheOcrEventSaysIt.uploaderRegion());

    Decision d = table.apply(new Change.Store(zhengzhou, asTheOcrEventSaysIt));

    assertEquals(WriteResult.REJECTED, d.result());
    assertTrue(record(scan).reason().contains("河南省郑州市中原区"), record(scan).reason());
    assertEquals("user-1", record(scan).uploadedBy());
    assertTrue(table.head(Reports.id(zhengzhou)).isEmpty());
  }

  @Test
  void anUploadByNoOneLimitedIsStoredWhereverItsReportLies() {
    assertEquals(WriteResult.CREATED, table.apply(new Change.Store(zhengzhou, upload("c.txt", "1", 0, "0001")))
        .result());
    assertNull(record(upload("c.txt", "1", 0, "0001")).uploaderRegion());
  }

  @Test
  void theUploaderComesFromTheObjectsMetadataPercentEncoded() {
    UploadedObject plain = upload("d.txt", "1", 0, "0001");
    UploadedObject read = plain.withMetadata(Map.of("X-Amz-Meta-Uploaded-By", "user-1", "x-amz-meta-uploader-region",
        "%E6%B2%B3%E5%8D%97%E7%9C%81%2F%E6%96%B0%E4%B9%A1%E5%B8%82"));
    assertEquals("user-1", read.uploadedBy());
    assertEquals("河南省/新乡市", read.uploaderRegion());
    assertEquals(plain, plain.withMetadata(Map.of("uploaded-by", "user-1")), "no region: not limited");
  }
}

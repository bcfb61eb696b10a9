package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import nianbao.core.json.JsonTree;
import nianbao.fixtures.SeedReports;
import nianbao.ocr.function.OcrRequest;
import nianbao.store.UploadView;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.Test;

/**
 * A scan (here a page photographed as PNG) is not read by the upload function: it is handed to the OCR function,
 * the upload status saying it waits for recognition, and the hand-over is an S3 event of the same object, so that
 * one sitting in the dead-letter queue is redriven through ingest. Text uploads are read here as before.
 */
class ScanHandOverTest {
  private final List<UploadedObject> handed = new ArrayList<>();

  private static Harness harness() throws java.io.IOException {
    Backend.Local servers = Backend.Local.shared();
    return new Harness(servers, servers.dynamo(), ReportParser.CORE);
  }

  private static byte[] png() throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(60, 80, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    return out.toByteArray();
  }

  private static List<Ingest.RecordOutcome> deliver(Ingest ingest, Harness h, Harness.Uploaded u) {
    Object event = JsonTree.read(new ByteArrayInputStream(Harness.createdEvent(h.bucket, u)));
    return ingest.handle(S3Notification.parse(event));
  }

  @Test
  void aScanIsHandedToTheOcrFunctionAndItsUploadStatusSaysItWaitsForRecognition() throws Exception {
    Harness h = harness();
    Ingest ingest = h.ingest.handingScansTo(handed::add);
    Harness.Uploaded scan = h.upload("uploads/第 1 页.png", png());

    Ingest.RecordOutcome o = deliver(ingest, h, scan).get(0);

    assertTrue(o.handedToOcr());
    assertEquals(1, handed.size());
    UploadedObject upload = handed.get(0);
    assertEquals(List.of(h.bucket, scan.key(), scan.versionId(), scan.eTag(), scan.sequencer()),
        List.of(upload.bucket(), upload.key(), upload.objectVersionId(), upload.eTag(), upload.sequencer()));
    UploadView status = h.store.uploadHistory(h.bucket, scan.key()).get(0);
    assertTrue(status.inProgress());
    assertEquals("等待文字识别", status.reason());
    assertTrue(h.heads().isEmpty(), "nothing is stored until the OCR function has read it");

    // AND the OCR function's request is the same object's S3 event: a dead letter of it is redriven by ingest
    S3Notification again = S3Notification.parse(JsonTree.read(new OcrRequest(upload, 3).toJson())).get(0);
    assertTrue(again.created());
    assertEquals(List.of(h.bucket, scan.key(), scan.versionId(), scan.eTag(), scan.sequencer(), scan.size()),
        List.of(again.bucket(), again.key(), again.versionId(), again.eTag(), again.sequencer(), again.size()));
    assertEquals(upload.eventTime(), again.eventTime());
  }

  @Test
  void aTextReportIsStillReadByTheUploadFunction() throws Exception {
    Harness h = harness();
    Ingest ingest = h.ingest.handingScansTo(handed::add);
    Harness.Uploaded text = h.upload("uploads/report.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));

    Ingest.RecordOutcome o = deliver(ingest, h, text).get(0);

    assertFalse(o.handedToOcr());
    assertTrue(handed.isEmpty());
    assertEquals("CREATED", String.valueOf(o.result()));
  }

  @Test
  void withoutAnOcrFunctionAScanIsReadHereAndRefusedWithItsReason() throws Exception {
    Harness h = harness();
    Harness.Uploaded scan = h.upload("uploads/page.png", png());

    Ingest.RecordOutcome o = deliver(h.ingest, h, scan).get(0);

    assertFalse(o.handedToOcr());
    assertEquals("REJECTED", String.valueOf(o.result()));
  }
}

package nianbao.ingest.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.JsonTree;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;
import nianbao.ingest.Ingest;
import nianbao.ingest.IngestAnswer;
import nianbao.ingest.S3Notification;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;
import nianbao.store.ReportStore;

/**
 * The in-memory part of an event, run on a bundled sample report before the first event: read the report, write
 * and read it as JSON as storing and replacing a report does, read an S3 event and write the answer to it, and
 * build everything storing the sample would write. Needs no SDK client and touches no service. A step of
 * {@link ColdStart}, public for the tests.
 */
public final class WarmUp {
  static final String SAMPLE = "warm-up-report.txt";
  private static final String EVENT = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
      + "\"eventTime\":\"2023-01-31T08:00:00.000Z\",\"s3\":{\"bucket\":{\"name\":\"" + Priming.WARM_UP + "\"},"
      + "\"object\":{\"key\":\"%E6%8A%A5%E5%91%8A+2022.txt\",\"size\":1,\"eTag\":\"e\",\"sequencer\":\"0A\"}}}]}";

  private WarmUp() {}

  /** Runs the warm-up; the number of items storing the sample in {@code tableName} would write. */
  static int run(String tableName) {
    Report sample = readSample();
    ReportStore.loadSchemas();
    ReportJson.read(ReportJson.write(sample));
    answerAnEvent();
    return ReportWriter.prepare(tableName, sample).size();
  }

  /** Reads an S3 event and writes an answer to it as the upload function does, touching nothing else. */
  private static void answerAnEvent() {
    List<Ingest.RecordOutcome> outcomes = S3Notification.parse(JsonTree.read(EVENT)).stream()
        .map(r -> new Ingest.RecordOutcome(r, WriteResult.UNCHANGED, Priming.WARM_UP, null)).toList();
    try {
      IngestAnswer.write(OutputStream.nullOutputStream(), outcomes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled sample report, read. */
  public static Report readSample() {
    try (InputStream in = WarmUp.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(SAMPLE + " is missing from the package");
      }
      return ReportReader.read(in.readAllBytes(), SAMPLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnreadableDocumentException e) {
      throw new IllegalStateException("the bundled sample report is unreadable: " + e.getMessage(), e);
    }
  }
}

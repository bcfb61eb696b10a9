package nianbao.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Map;
import java.util.TreeMap;
import nianbao.telemetry.LogContext;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.FormatSniffer;
import nianbao.core.document.NotAReportException;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import nianbao.ocr.ScanInputs;
import nianbao.store.ReportStore;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.ReportWriter.Outcome;
import nianbao.store.write.UploadedObject;
import nianbao.store.write.WriteResult;

/**
 * Turns S3 object events into store changes: a created object is fetched, read and validated by core, and
 * stored as a report version or a rejected upload; a removed object leaves its report. Transient failures
 * (throttling, timeouts, an unreachable service) are not caught here: {@link #handle(List)} processes the other
 * records and then throws, so Lambda retries the event — harmless, as every change is idempotent.
 */
public final class Ingest {
  private static final Logger LOG = Logger.getLogger(Ingest.class.getName());

  private final SourceFetcher fetcher;
  private final ReportParser parser;
  private final ReportStore store;
  private final ReportWriter writer;
  private final Metrics metrics;
  private final long maxBytes;
  private final ScanHandOver scans;
  private final EntryWriter entries;

  /** Hands a scan (an upload without a text layer) to the OCR function, which stores what it reads. */
  public interface ScanHandOver {
    void handOver(UploadedObject upload);
  }

  /**
   * Puts one document of a ZIP into the bucket as an upload of its own ({@link ZipBatch}), with the ZIP's user
   * metadata (its uploader's region holds for every document in it).
   */
  public interface EntryWriter {
    void put(String bucket, String key, byte[] bytes, Map<String, String> metadata);
  }

  public Ingest(S3GetObjectClient s3, ReportStore store, ReportParser parser) {
    this(new SourceFetcher(s3), parser, store, new ReportWriter(store), DocumentReaders.MAX_BYTES);
  }

  public Ingest(SourceFetcher fetcher, ReportParser parser, ReportStore store, ReportWriter writer, long maxBytes) {
    this(fetcher, parser, store, writer, maxBytes, Metrics.forFunction("ingest"));
  }

  /** With its metrics written to {@code metrics} (a test reads the lines). */
  public Ingest(SourceFetcher fetcher, ReportParser parser, ReportStore store, ReportWriter writer, long maxBytes,
      Metrics metrics) {
    this(fetcher, parser, store, writer, maxBytes, metrics, null, null);
  }

  private Ingest(SourceFetcher fetcher, ReportParser parser, ReportStore store, ReportWriter writer, long maxBytes,
      Metrics metrics, ScanHandOver scans, EntryWriter entries) {
    this.scans = scans;
    this.entries = entries;
    this.metrics = metrics;
    this.fetcher = fetcher;
    this.parser = parser;
    this.store = store;
    this.writer = writer;
    this.maxBytes = maxBytes;
  }

  /**
   * This ingest, handing scans ({@link ScanInputs#needsOcr}) to {@code scans} instead of reading them; without it
   * (null) a scan is read as any upload, and a PDF without a text layer is refused as before.
   */
  public Ingest handingScansTo(ScanHandOver scans) {
    return new Ingest(fetcher, parser, store, writer, maxBytes, metrics, scans, entries);
  }

  /**
   * This ingest, unpacking a ZIP of documents as a batch: each document put beside it through {@code entries}, to be
   * ingested as an upload of its own; without it (null) a ZIP is read as any upload (and refused).
   */
  public Ingest unpackingZipsWith(EntryWriter entries) {
    return new Ingest(fetcher, parser, store, writer, maxBytes, metrics, scans, entries);
  }

  public ReportStore store() {
    return store;
  }

  public ReportWriter writer() {
    return writer;
  }

  /**
   * What became of one record; {@code handling} when it was not read here: {@link #HANDED_TO_OCR} (a scan, now the
   * OCR function's to read and store) or {@link #BATCH} (a ZIP whose documents became uploads of their own).
   */
  public record RecordOutcome(S3Notification record, WriteResult result, String reportId, String detail,
      String handling) {
    public RecordOutcome(S3Notification record, WriteResult result, String reportId, String detail) {
      this(record, result, reportId, detail, null);
    }

    public boolean handedToOcr() {
      return HANDED_TO_OCR.equals(handling);
    }
  }

  public static final String HANDED_TO_OCR = "HANDED_TO_OCR";
  public static final String BATCH = "BATCH";

  /** Failure of some records of an event; the others were applied. Lambda retries the whole event. */
  public static final class IngestFailedException extends RuntimeException {
    private final List<RecordOutcome> done;

    IngestFailedException(String message, RuntimeException first, List<RecordOutcome> done) {
      super(message, first);
      this.done = List.copyOf(done);
    }

    public List<RecordOutcome> done() {
      return done;
    }
  }

  public List<RecordOutcome> handle(List<S3Notification> records) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (S3Notification record : records) {
      try (LogContext.Scope scope = LogContext.with(LogContext.SOURCE_KEY, record.key())) {
        RecordOutcome outcome = handle(record);
        LogContext.put(LogContext.REPORT_ID, outcome.reportId());
        LOG.info(record.key() + ": " + outcome.result() + (outcome.detail() == null ? "" : " (" + outcome.detail() + ")"));
        outcomes.add(outcome);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "s3://" + record.bucket() + "/" + record.key() + " failed; the event will be retried",
            e);
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      IngestFailedException e = new IngestFailedException(failures.size() + " of " + records.size()
          + " records failed: " + first, first, outcomes);
      failures.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
    return outcomes;
  }

  public RecordOutcome handle(S3Notification r) {
    UploadedObject upload = new UploadedObject(r.bucket(), r.key(), r.versionId(), r.eTag(), r.size(), r.sequencer(), r.eventTime());
    if (r.removed()) {
      List<Outcome> removed = writer.remove(upload, r.deleteMarker());
      return new RecordOutcome(r, WriteResult.REMOVED, removed.isEmpty() ? null : removed.get(0).reportId(),
          removed.size() + " version(s) removed");
    }
    if (!r.created()) {
      return new RecordOutcome(r, null, null, "ignored event " + r.eventName());
    }
    if (r.key().endsWith("/") && (r.size() == null || r.size() == 0)) {
      return new RecordOutcome(r, null, null, "folder placeholder");
    }
    String name = fileName(r.key());
    if (r.size() != null && r.size() > maxBytes) {
      Outcome o = countRejected(writer.reject(upload, "unknown", DocumentReaders.tooLarge(r.size()).getMessage(),
          name));
      return new RecordOutcome(r, o.result(), o.reportId(), "too large");
    }
    SourceFetcher.Fetched fetched = fetcher.fetch(r.bucket(), r.key(), r.versionId(), r.eTag(), maxBytes);
    if (fetched instanceof SourceFetcher.Gone gone) {
      return new RecordOutcome(r, WriteResult.STALE, null, gone.why());
    }
    if (fetched instanceof SourceFetcher.TooLarge large) {
      Outcome o = countRejected(writer.reject(upload, "unknown", DocumentReaders.tooLarge(large.size()).getMessage(),
          name));
      return new RecordOutcome(r, o.result(), o.reportId(), "too large");
    }
    SourceFetcher.Bytes fetchedBytes = (SourceFetcher.Bytes) fetched;
    byte[] bytes = fetchedBytes.bytes();
    // who asked for the upload, when limited to a region: the report read from it must lie there (the store's rule)
    upload = upload.withMetadata(fetchedBytes.metadata());
    if (scans != null && ScanInputs.needsOcr(bytes, name)) {
      // seconds per page: the upload status says it waits, and the OCR function (resumable) takes it from here
      writer.recognising(upload, "等待文字识别");
      scans.handOver(upload);
      return new RecordOutcome(r, null, null, "handed to the OCR function", HANDED_TO_OCR);
    }
    if (entries != null && ZipBatch.isZip(bytes)) {
      return unpack(r, upload, name, bytes, fetchedBytes.metadata());
    }
    Report report;
    long reading = System.nanoTime();
    try {
      report = PreviousYearReading.read(parser, store, bytes, name);
    } catch (UnreadableDocumentException e) {
      // refused reads are timed too: the slowest ones (a reader's deadline) are the ones worth seeing
      metrics.milliseconds(MetricNames.PARSE_DURATION, (System.nanoTime() - reading) / 1_000_000);
      Outcome o = countRejected(e instanceof NotAReportException
          ? writer.rejectNotAReport(upload, e.format(), e.getMessage(), name)
          : writer.reject(upload, e.format(), e.getMessage(), name));
      return new RecordOutcome(r, o.result(), o.reportId(), e.getMessage());
    } catch (RuntimeException e) {
      // a defect of the reader, not of the service: retrying cannot help, so the upload is kept as rejected
      // with the reason and the format, so re-processing picks it up again once that format's reader changes
      LOG.log(Level.SEVERE, "reader failed on s3://" + r.bucket() + "/" + r.key(), e);
      String reason = "读取时出现内部错误（" + e.getClass().getSimpleName() + "），已记录，修复后将重新处理";
      Outcome o = countRejected(writer.reject(upload, FormatSniffer.sniff(bytes), reason, name));
      return new RecordOutcome(r, o.result(), o.reportId(), reason);
    }
    metrics.milliseconds(MetricNames.PARSE_DURATION, (System.nanoTime() - reading) / 1_000_000);
    Outcome o = writer.store(report, upload);
    LogContext.put(LogContext.REPORT_ID, o.reportId());
    if (o.result() != WriteResult.UNCHANGED) {
      countStored(report);
    }
    return new RecordOutcome(r, o.result(), o.reportId(), null);
  }

  /**
   * A ZIP of documents: each one put beside it as an upload of its own (its event brings it back here), then the
   * ZIP's own status says so. A retried event puts the same bytes again, which their own ingest finds unchanged.
   */
  private RecordOutcome unpack(S3Notification r, UploadedObject upload, String name, byte[] bytes,
      Map<String, String> metadata) {
    ZipBatch.Contents contents;
    try {
      contents = ZipBatch.read(bytes);
    } catch (UnreadableDocumentException e) {
      Outcome o = countRejected(writer.reject(upload, e.format(), e.getMessage(), name));
      return new RecordOutcome(r, o.result(), o.reportId(), e.getMessage());
    }
    String skipped = contents.skipped().isEmpty() ? "" : "；未拆出 " + contents.skipped().size() + " 个："
        + String.join("；", contents.skipped().stream().limit(5).map(s -> s.name() + "（" + s.reason() + "）").toList());
    if (contents.documents().isEmpty()) {
      Outcome o = countRejected(writer.reject(upload, ZipBatch.FORMAT, "压缩包中没有可读取的文件" + skipped, name));
      return new RecordOutcome(r, o.result(), o.reportId(), "empty batch");
    }
    for (ZipBatch.Entry entry : contents.documents()) {
      entries.put(r.bucket(), ZipBatch.entryKey(r.key(), entry.name()), entry.bytes(), metadata);
    }
    String summary = "压缩包：拆出 " + contents.documents().size() + " 个文件，各自识别" + skipped;
    writer.batch(upload, summary);
    return new RecordOutcome(r, null, null, summary, BATCH);
  }

  /** A rejected upload counted once: the same bytes delivered again (a retried event) are not counted again. */
  private Outcome countRejected(Outcome o) {
    if (o.result() == WriteResult.REJECTED) {
      LogContext.put(LogContext.REPORT_ID, o.reportId());
      metrics.count(MetricNames.REPORTS_REJECTED, 1);
    }
    return o;
  }

  /** A stored report's metrics: one, and its findings by rule and severity (the dashboard's "findings by rule"). */
  private void countStored(Report report) {
    metrics.count(MetricNames.REPORTS_INGESTED, 1);
    Map<String, Long> byRule = new TreeMap<>();
    report.findings().forEach(f -> byRule.merge(f.rule() + "|" + f.severity().json(), 1L, Long::sum));
    byRule.forEach((ruleAndSeverity, n) -> {
      int bar = ruleAndSeverity.indexOf('|');
      metrics.line().dimension(MetricNames.RULE, ruleAndSeverity.substring(0, bar))
          .dimension(MetricNames.SEVERITY, ruleAndSeverity.substring(bar + 1)).count(MetricNames.FINDINGS, n).print();
    });
  }

  static String fileName(String key) {
    int slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }
}

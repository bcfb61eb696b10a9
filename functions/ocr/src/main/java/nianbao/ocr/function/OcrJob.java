package nianbao.ocr.function;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import nianbao.core.ReportReader;
import nianbao.core.document.NotAReportException;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import nianbao.core.model.Source;
import nianbao.ocr.OcrException;
import nianbao.ocr.PageRecogniser;
import nianbao.ocr.PageSource;
import nianbao.ocr.RecognisedPage;
import nianbao.ocr.ScanReader;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;

/**
 * Reads one scan, resumably: the pages already recognised (saved by an earlier invocation) are loaded, the others
 * recognised one at a time and each saved at once; before a page, when the time left is below the margin
 * ({@link #margin}), the job hands the same request to a new invocation and stops. Once every page is recognised
 * the report is read from them ({@link ScanReader}) and stored through the write path every upload takes
 * ({@link ReportWriter}), or the upload is rejected with the reason; then the saved pages are deleted. The upload
 * status says how far it has got meanwhile ({@link ReportWriter#recognising}). Plain Java: no AWS type here.
 */
public final class OcrJob {
  private static final Logger LOG = Logger.getLogger(OcrJob.class.getName());
  /** Time kept by default for reading the report from its pages and storing it, after the last page. */
  public static final long RESERVE_MILLIS = 30_000;

  /** The pages recognised so far of one upload (kept between invocations). */
  public interface PageStore {
    Map<Integer, RecognisedPage> load(UploadedObject upload);

    void save(UploadedObject upload, RecognisedPage page);

    void delete(UploadedObject upload);
  }

  /** The uploaded bytes, or null when that object version is gone (deleted or overwritten since). */
  public interface Fetcher {
    byte[] fetch(UploadedObject upload);
  }

  /** A scan's pages as images ({@code ScanInputs::pages}). */
  public interface Scans {
    PageSource pages(byte[] bytes, String fileName) throws UnreadableDocumentException;
  }

  /** Queues {@code next} for a new invocation of the OCR function. */
  public interface Handoff {
    void handOff(OcrRequest next);
  }

  public enum Result { STORED, REJECTED, HANDED_OFF, STALE }

  /**
   * @param pages      the scan's pages (0 when it could not be opened)
   * @param recognised the pages this invocation recognised
   */
  public record Outcome(Result result, String reportId, int pages, int recognised, String detail) {}

  private final Fetcher fetcher;
  private final Scans scans;
  private final PageRecogniser recogniser;
  private final PageStore saved;
  private final ReportWriter writer;
  private final Handoff handoff;
  private final Metrics metrics;
  private final long reserveMillis;

  public OcrJob(Fetcher fetcher, Scans scans, PageRecogniser recogniser, PageStore saved, ReportWriter writer,
      Handoff handoff, Metrics metrics) {
    this(fetcher, scans, recogniser, saved, writer, handoff, metrics, RESERVE_MILLIS);
  }

  /** {@code reserveMillis}: the time kept for reading and storing the report ({@link #margin}). */
  public OcrJob(Fetcher fetcher, Scans scans, PageRecogniser recogniser, PageStore saved, ReportWriter writer,
      Handoff handoff, Metrics metrics, long reserveMillis) {
    this.reserveMillis = reserveMillis;
    this.fetcher = fetcher;
    this.scans = scans;
    this.recogniser = recogniser;
    this.saved = saved;
    this.writer = writer;
    this.handoff = handoff;
    this.metrics = metrics;
  }

  /**
   * The time a next page needs left over: twice the slowest page so far (a page can be much denser than the one
   * before) and the reserve for reading and storing the report.
   */
  long margin(long slowestPageMillis) {
    return 2 * slowestPageMillis + reserveMillis;
  }

  static String progress(int done, int pages) {
    return String.format(Locale.ROOT, "文字识别中 %d/%d 页", done, pages);
  }

  /**
   * Reads {@code request}'s scan as far as the time left allows ({@code remainingMillis}, Lambda's
   * {@code getRemainingTimeInMillis}); every invocation recognises at least one page, so hand-offs always progress.
   */
  public Outcome run(OcrRequest request, LongSupplier remainingMillis) {
    UploadedObject upload = request.upload();
    String name = fileName(upload.key());
    byte[] bytes = fetcher.fetch(upload);
    if (bytes == null) {
      saved.delete(upload);
      return new Outcome(Result.STALE, null, 0, 0, "the object version is gone");
    }
    PageSource source;
    try {
      source = scans.pages(bytes, name);
    } catch (UnreadableDocumentException e) {
      return reject(upload, e, name, 0, 0);
    }
    try (source) {
      int count = source.count();
      Map<Integer, RecognisedPage> done = new TreeMap<>(saved.load(upload));
      long slowest = done.values().stream().mapToLong(RecognisedPage::millis).max().orElse(0);
      writer.recognising(upload, progress(done.size(), count));
      int now = 0;
      for (int n = 1; n <= count; n++) {
        if (done.containsKey(n)) {
          continue;
        }
        if (now > 0 && remainingMillis.getAsLong() < margin(slowest)) {
          handoff.handOff(request.next());
          LOG.info(upload.key() + ": handed off after " + done.size() + " of " + count + " pages (hand-off "
              + (request.handoff() + 1) + ")");
          return new Outcome(Result.HANDED_OFF, null, count, now, progress(done.size(), count));
        }
        RecognisedPage page;
        try {
          page = recogniser.recognise(source.page(n));
        } catch (UnreadableDocumentException e) {
          return reject(upload, e, name, count, now);
        } catch (OcrException e) {
          // the engine failed on this page: retrying the same pixels gives the same failure, so the upload is kept
          // as rejected with the reason (reprocessing takes it up again once the reader changes)
          return reject(upload, new UnreadableDocumentException(source.format(),
              "第 " + n + " 页文字识别失败：" + e.getMessage()), name, count, now);
        }
        saved.save(upload, page);
        LOG.info(upload.key() + ": page " + n + " of " + count + " recognised in " + page.millis() + " ms");
        done.put(n, page);
        now++;
        slowest = Math.max(slowest, page.millis());
        metrics.line().dimension(MetricNames.SPAN, MetricNames.PAGE)
            .milliseconds(MetricNames.OCR_DURATION, page.millis()).print();
        writer.recognising(upload, progress(done.size(), count));
      }
      return store(upload, bytes, name, source.format(), done, now);
    }
  }

  private Outcome store(UploadedObject upload, byte[] bytes, String name, String format,
      Map<Integer, RecognisedPage> done, int now) {
    long reading = System.nanoTime();
    Report report;
    try {
      report = ScanReader.read(new ArrayList<>(done.values()), new Source(name, ReportReader.sha256(bytes), format,
          null, ScanReader.reader(recogniser)));
    } catch (UnreadableDocumentException e) {
      return reject(upload, e, name, done.size(), now);
    }
    long millis = done.values().stream().mapToLong(RecognisedPage::millis).sum()
        + (System.nanoTime() - reading) / 1_000_000;
    metrics.line().dimension(MetricNames.SPAN, MetricNames.DOCUMENT)
        .milliseconds(MetricNames.OCR_DURATION, millis).print();
    ReportWriter.Outcome o = writer.store(report, upload);
    saved.delete(upload);
    metrics.count(MetricNames.REPORTS_INGESTED, 1);
    return new Outcome(Result.STORED, o.reportId(), done.size(), now, o.result().toString());
  }

  private Outcome reject(UploadedObject upload, UnreadableDocumentException e, String name, int pages, int now) {
    ReportWriter.Outcome o = e instanceof NotAReportException
        ? writer.rejectNotAReport(upload, e.format(), e.getMessage(), name)
        : writer.reject(upload, e.format(), e.getMessage(), name);
    saved.delete(upload);
    metrics.count(MetricNames.REPORTS_REJECTED, 1);
    return new Outcome(Result.REJECTED, o.reportId(), pages, now, e.getMessage());
  }

  static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}

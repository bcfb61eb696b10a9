package nianbao.ingest.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReader;
import nianbao.core.document.DocumentReaders;
import nianbao.ingest.Ingest;
import nianbao.ingest.S3Notification;
import nianbao.store.Page;
import nianbao.store.item.ReportHead;
import nianbao.store.item.SourceRecord;

/**
 * Re-reads the stored sources of reports written by an older reader or rule version, in bounded batches: the
 * store keeps a registry of the processing versions it has seen and an index of heads by processing version,
 * so the outdated ones are found without a scan. Each is fetched and ingested again through the same path as an
 * upload — a version re-read replaces its stored content and the summaries take the difference, never counting
 * twice. Stops when the budget says so and returns a cursor to continue from.
 */
public final class Reprocessor {
  private static final Logger LOG = Logger.getLogger(Reprocessor.class.getName());

  private final Ingest ingest;

  public Reprocessor(Ingest ingest) {
    this.ingest = ingest;
  }

  /** Where a run stopped, and what it did. {@code cursor} is null when nothing outdated is left. */
  public record Progress(List<String> outdatedVersions, int examined, int reprocessed, int failed, String cursor) {}

  /** Whether the running code would write the same processing version. */
  public static boolean isCurrent(String procKey) {
    int bar = procKey.indexOf('|');
    if (bar < 0 || !procKey.substring(0, bar).equals(ReportReader.RULES_VERSION)) {
      return false;
    }
    String reader = procKey.substring(bar + 1);
    if (reader.startsWith("rejected:")) {
      reader = reader.substring("rejected:".length());
      if (reader.indexOf('/') < 0) {
        // no reader took it: worth another try once a reader for its format exists
        return DocumentReaders.reader(reader) == null;
      }
      // a reader took it and found no report (or failed): worth another try once that reader changes
    }
    int slash = reader.indexOf('/');
    DocumentReader current = DocumentReaders.reader(slash < 0 ? reader : reader.substring(0, slash));
    return current != null && current.version().equals(reader);
  }

  /**
   * Re-processes up to {@code batchSize} reports per page until nothing outdated is left or {@code keepGoing}
   * says stop (checked between reports).
   *
   * @param cursor from an earlier run's {@link Progress#cursor()}, or null to start
   */
  public Progress run(int batchSize, String cursor, BooleanSupplier keepGoing) {
    List<String> outdated = new ArrayList<>();
    for (String v : ingest.store().processingVersions()) {
      if (!isCurrent(v)) {
        outdated.add(v);
      }
    }
    outdated.sort(null);
    int examined = 0;
    int reprocessed = 0;
    int failed = 0;
    String startVersion = cursor == null ? null : cursor.substring(0, cursor.indexOf('@'));
    String pageCursor = cursor == null ? null : emptyToNull(cursor.substring(cursor.indexOf('@') + 1));
    for (String version : outdated) {
      if (startVersion != null && version.compareTo(startVersion) < 0) {
        continue;
      }
      String pc = version.equals(startVersion) ? pageCursor : null;
      do {
        if (!keepGoing.getAsBoolean()) {
          return new Progress(outdated, examined, reprocessed, failed, version + "@" + (pc == null ? "" : pc));
        }
        Page<String> page = ingest.store().reportIdsProcessedWith(version, batchSize, pc);
        for (String id : page.items()) {
          examined++;
          try {
            if (reprocess(id)) {
              reprocessed++;
            }
          } catch (RuntimeException e) {
            failed++;
            LOG.log(Level.WARNING, "re-processing " + id + " failed", e);
          }
        }
        LOG.info(() -> "re-processed " + page.items().size() + " report(s) of " + version);
        pc = page.cursor();
      } while (pc != null);
    }
    return new Progress(outdated, examined, reprocessed, failed, null);
  }

  /** Ingests the head's current source again; true if its stored state changed. */
  boolean reprocess(String reportId) {
    Optional<ReportHead> found = ingest.store().head(reportId);
    if (found.isEmpty()) {
      return false;
    }
    ReportHead head = found.get();
    SourceRecord source = ingest.store().source(head.bucket(), head.key(), head.versionId()).orElse(null);
    S3Notification record = new S3Notification("ObjectCreated:Reprocess", head.uploadedAt() == null ? null
        : java.time.Instant.parse(head.uploadedAt()), head.bucket(), head.key(), head.size(), head.eTag(),
        head.versionId(), source == null ? null : source.sequencer());
    Ingest.RecordOutcome outcome = ingest.handle(record);
    if (outcome.reportId() != null && !head.rejected() && !outcome.reportId().equals(reportId)
        && outcome.result() != nianbao.store.write.WriteResult.REJECTED) {
      // (a source now rejected as no report has already left its report in the same change)
      // the new reader gives this source another identity: it is now that report's version, not this one's
      ingest.writer().detach(reportId, head.currentSha(), new nianbao.store.write.UploadedObject(head.bucket(),
          head.key(), head.versionId(), head.eTag(), head.size(), source == null ? null : source.sequencer(),
          record.eventTime()));
    }
    return outcome.result() != null && outcome.result() != nianbao.store.write.WriteResult.UNCHANGED;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

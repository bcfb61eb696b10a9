package nianbao.store;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReader;
import nianbao.core.document.DocumentReaders;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Report;
import nianbao.core.rules.CrossYearRules;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.SourceRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Every change of the store: a readable upload becomes a version of its report (and the current one if it is the
 * latest upload), an unreadable one a rejected report, a deleted source object leaves its report. Each change is
 * read → decide → one transaction conditioned on the revisions of the heads it read (the report and its
 * neighbours Y−1 and Y+1); a transaction that loses a race is re-read and re-decided, so duplicates and concurrent
 * deliveries converge to the same state and the summaries count each current report exactly once.
 */
public final class ReportLedger {
  /** Attempts of one change before giving up (the handler then fails and Lambda retries the event). */
  static final int MAX_ATTEMPTS = 80;

  private final ReportStore store;
  private final DynamoDbClient dynamo;
  private final String table;
  private final BatchWriter batch;
  private final Clock clock;
  private final CurrentState current;

  public ReportLedger(ReportStore store) {
    this(store, Clock.systemUTC());
  }

  public ReportLedger(ReportStore store, Clock clock) {
    this.store = store;
    this.dynamo = store.dynamo();
    this.table = store.tableName();
    this.batch = new BatchWriter(dynamo, table);
    this.clock = clock;
    this.current = new CurrentState(store);
  }

  /**
   * A ledger that only {@link #prepare}s: building a report's items needs the table's name, not a client, so a
   * cold start does it while the client is still being built.
   */
  public static ReportLedger preparingOnly(String table) {
    return new ReportLedger(table);
  }

  private ReportLedger(String table) {
    this.store = null;
    this.dynamo = null;
    this.table = table;
    this.batch = null;
    this.clock = Clock.systemUTC();
    this.current = new CurrentState(null);
  }

  /** One uploaded object version, as its S3 event describes it. */
  public record Upload(String bucket, String key, String versionId, String eTag, Long size, String sequencer,
      Instant eventTime) {
    public String ref() {
      return SourceRecord.ref(bucket, key, versionId);
    }

    /** Event time (ms), then the key's sequencer: the later upload wins. */
    public String uploadOrder() {
      return iso(eventTime) + "#" + Sequencers.padded(sequencer);
    }

    /** What the store records of this upload: the report it became ({@code sha256}, {@code reportId}) or why not. */
    SourceRecord record(String sha256, String reportId, String status, String reason, String processedAt) {
      return new SourceRecord(bucket, key, versionId, eTag, size, sequencer, iso(eventTime), sha256, reportId, status,
          reason, processedAt);
    }
  }

  public enum Result {
    /** the first version of a new report */
    CREATED,
    /** a new version that became the current one */
    NEW_CURRENT_VERSION,
    /** a new version older than the current one: kept and listed, not current */
    OLDER_VERSION_KEPT,
    /** the same bytes again: nothing changed */
    UNCHANGED,
    /** re-read with a newer reader or rules: the stored version was replaced */
    REPROCESSED,
    REJECTED,
    REMOVED,
    /** an event older than what is already applied for its key */
    STALE
  }

  public record Outcome(Result result, String reportId, String status, int attempts) {}

  // ============================================================================================ readable upload

  /** Stores a readable report read from {@code upload}. */
  public Outcome store(Report report, Upload upload) {
    String sha = report.source().sha256();
    Identity id = Identity.of(report, sha);
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome = tryStore(report, upload, sha, id, attempt);
        if (outcome != null) {
          return outcome;
        }
      } catch (TransactionCanceledException | TransactionConflictException | TransactionInProgressException e) {
        retryable(e, attempt);
      }
    }
  }

  private Outcome tryStore(Report report, Upload upload, String sha, Identity id, int attempt) {
    String now = now();
    List<SourceRecord> history = store.sources(upload.bucket(), upload.key());
    if (stale(history, upload)) {
      return new Outcome(Result.STALE, id.reportId(), null, attempt);
    }
    SourceRecord source = find(history, upload.versionId());
    Prefetch read = Prefetch.read(store, CurrentState.headsToRead(id), id.reportId(), sha);
    ReportHead head = read.head(id.reportId()).orElse(null);
    ReportVersion version = read.version().orElse(null);
    ReportHead rejected = source != null && SourceRecord.REJECTED.equals(source.status()) && source.reportId() != null
        ? store.head(source.reportId()).filter(ReportHead::rejected).orElse(null) : null;

    String reader = report.source().reader();
    boolean reprocessed = version != null && !(Objects.equals(version.reader(), reader)
        && Objects.equals(version.rulesVersion(), ReportReader.RULES_VERSION));
    if (version != null && !version.withdrawn() && version.sources().contains(upload.ref()) && !reprocessed
        && rejected == null) {
      return new Outcome(Result.UNCHANGED, id.reportId(), head == null ? null : head.status(), attempt);
    }

    Transaction tx = new Transaction(table);
    ReportVersion newVersion;
    Set<String> refs = new HashSet<>(version == null ? Set.of() : version.sources());
    refs.add(upload.ref());
    if (version == null || reprocessed) {
      newVersion = newVersion(id.reportId(), report, upload, refs, version);
    } else {
      newVersion = withSources(version, refs);
    }
    int versionCount = head != null ? head.versionCount() : store.versions(id.reportId()).size();
    if (version == null) {
      versionCount++;
    }

    boolean becomesCurrent = head == null || (head.currentSha().equals(sha) && reprocessed)
        || (!head.currentSha().equals(sha) && newVersion.uploadOrder().compareTo(head.uploadOrder()) > 0);
    Result result;
    if (becomesCurrent) {
      Report oldReport = head == null ? null : currentReport(head, version, sha);
      current.makeCurrent(tx, id, head, oldReport, report, newVersion, versionCount, now, read);
      result = head == null ? Result.CREATED : head.currentSha().equals(sha) ? Result.REPROCESSED
          : Result.NEW_CURRENT_VERSION;
    } else {
      // an older upload (or the same bytes under another key): kept and listable, the current one stays
      tx.put(ReportHead.SCHEMA.itemToMap(CurrentState.withVersionCount(head, versionCount, now), true), head);
      result = version == null ? Result.OLDER_VERSION_KEPT : reprocessed ? Result.REPROCESSED : Result.UNCHANGED;
    }
    tx.put(ReportVersion.SCHEMA.itemToMap(newVersion, true));
    tx.put(SourceRecord.SCHEMA.itemToMap(upload.record(sha, id.reportId(), SourceRecord.INGESTED, null, now),
        true));
    if (rejected != null) {
      tx.delete(rejected.pk(), rejected.sk(), rejected);
      tx.count(rejected, null, -1);
    }
    commit(tx, now);
    String status = becomesCurrent ? null : head.status();
    return new Outcome(result, id.reportId(), status, attempt);
  }

  /** The report of the head's current version (the one being replaced). */
  private Report currentReport(ReportHead head, ReportVersion sameShaVersion, String sha) {
    ReportVersion current = head.currentSha().equals(sha) && sameShaVersion != null ? sameShaVersion
        : store.version(head.reportId(), head.currentSha()).orElseThrow(() -> new IllegalStateException(
            "report " + head.reportId() + " has no version " + head.currentSha()));
    return store.body(current);
  }

  private ReportVersion newVersion(String reportId, Report report, Upload upload, Set<String> refs,
      ReportVersion earlier) {
    String json = ReportJson.write(report);
    byte[] gz = Bodies.gzip(json);
    String bodyHash = Identity.hash(json).substring(0, 12);
    String sha = report.source().sha256();
    SdkBytes inline = null;
    int chunks = 0;
    if (gz.length <= ReportVersion.INLINE_LIMIT) {
      inline = SdkBytes.fromByteArray(gz);
    } else {
      // too large for one item even compressed: whole, in chunk items written before the transaction
      List<WriteRequest> writes = new ArrayList<>();
      for (int from = 0; from < gz.length; from += ReportVersion.INLINE_LIMIT) {
        byte[] part = java.util.Arrays.copyOfRange(gz, from, Math.min(gz.length, from + ReportVersion.INLINE_LIMIT));
        writes.add(BatchWriter.put(BodyChunk.SCHEMA.itemToMap(new BodyChunk(reportId, sha, bodyHash, chunks++,
            SdkBytes.fromByteArray(part)), true)));
      }
      batch.write(writes);
    }
    FindingCounts counts = FindingCounts.of(report.findings());
    // a re-processed version keeps its place in the order of uploads
    String uploadedAt = earlier != null ? earlier.uploadedAt() : iso(upload.eventTime());
    String uploadOrder = earlier != null ? earlier.uploadOrder() : upload.uploadOrder();
    Upload first = earlier != null && earlier.bucket() != null ? new Upload(earlier.bucket(), earlier.key(),
        earlier.versionId(), earlier.eTag(), earlier.size(), null, null) : upload;
    return new ReportVersion(reportId, sha, uploadedAt, uploadOrder, inline, chunks, bodyHash,
        report.source().reader(), ReportReader.RULES_VERSION, counts.errors() > 0 ? "HAS_ERRORS" : "VALID", counts.errors(),
        counts.warnings(), counts.notes(), refs, false, first.bucket(), first.key(), first.versionId(), first.eTag(), first.size(),
        report.source().format(), report.source().name());
  }

  private static ReportVersion withSources(ReportVersion v, Set<String> refs) {
    return new ReportVersion(v.reportId(), v.sha256(), v.uploadedAt(), v.uploadOrder(), v.body(), v.bodyChunks(),
        v.bodyHash(), v.reader(), v.rulesVersion(), v.status(), v.errors(), v.warnings(), v.notes(), refs, refs.isEmpty(),
        v.bucket(), v.key(), v.versionId(), v.eTag(), v.size(), v.format(), v.sourceName());
  }

  /**
   * Builds, in memory only, the items that storing {@code sample} as a new report would write — version body,
   * head, rule items, cross-year findings, summary deltas — and returns them, and reads the head, version and
   * source items back from their attributes. Nothing is read from or written to the table: a cold start runs this
   * code once, so that the first real event does not pay for loading it.
   */
  public List<TransactWriteItem> prepare(Report sample) {
    String sha = sample.source().sha256();
    Identity id = Identity.of(sample, sha);
    Upload upload = new Upload("prepare", "prepare.txt", null, sha, 0L, "0", clock.instant());
    if (Bodies.gzip(ReportJson.write(sample)).length > ReportVersion.INLINE_LIMIT) {
      throw new IllegalArgumentException("a sample to prepare with must fit in one item");
    }
    ReportVersion version = newVersion(id.reportId(), sample, upload, Set.of(upload.ref()), null);
    String now = now();
    List<Finding> cross = CrossYearRules.check(sample, sample);
    ReportHead head = current.head(id, sample, version, cross, 1, 1, now);
    Transaction tx = new Transaction(table);
    tx.put(ReportHead.SCHEMA.itemToMap(head, true), null);
    tx.put(ReportVersion.SCHEMA.itemToMap(version, true));
    SourceRecord source = upload.record(sha, id.reportId(), SourceRecord.INGESTED, null, now);
    // and back, as storing reads the items it finds
    ReportHead.SCHEMA.mapToItem(ReportHead.SCHEMA.itemToMap(head, true));
    ReportVersion.SCHEMA.mapToItem(ReportVersion.SCHEMA.itemToMap(version, true));
    SourceRecord.SCHEMA.mapToItem(SourceRecord.SCHEMA.itemToMap(source, true));
    current.writeRuleItems(tx, null, head, sample);
    tx.count(head, sample, 1);
    tx.count(head, sample, -1);
    tx.count(head, sample, 1);
    tx.check(id.reportId(), head);
    return tx.build(now);
  }

  /**
   * Makes each request storing a report makes, once, on the report id {@code absentId} under which nothing is
   * ever stored — the upload's source history, the prefetch of heads and version, a version read, and a
   * transaction whose only action is a condition check — costliest first, each only while {@code keepGoing}.
   * Nothing is written; a cold start runs it so that the first real event does not pay for loading these paths.
   *
   * @return how many of the requests were made
   */
  public int primeRequests(String absentId, BooleanSupplier keepGoing) {
    List<Runnable> requests = List.of(
        () -> store.sources(absentId, absentId),
        () -> Prefetch.read(store, List.of(absentId), absentId, absentId),
        () -> store.version(absentId, absentId),
        () -> {
          Transaction tx = new Transaction(table);
          tx.check(absentId, null);
          commit(tx, now());
        });
    int made = 0;
    for (Runnable request : requests) {
      if (!keepGoing.getAsBoolean()) {
        break;
      }
      request.run();
      made++;
    }
    return made;
  }

  // ============================================================================================ rejected upload

  /** The version of the reader that takes {@code format}, null if none does: a rejection records what tried. */
  private static String readerOf(String format) {
    DocumentReader reader = format == null ? null : DocumentReaders.reader(format);
    return reader == null ? null : reader.version();
  }

  /** Stores an upload that is not a readable report, with the reason to show to whoever uploaded it. */
  public Outcome reject(Upload upload, String format, String reason, String sourceName) {
    // keyed by content: the same bytes put again at the key (a client's retried PUT, a re-upload) are the same
    // rejected upload, as the same report's bytes again are the same report; the version only without an ETag
    String id = Identity.rejectedId(upload.bucket(), upload.key(),
        upload.eTag() != null ? upload.eTag() : String.valueOf(upload.versionId()));
    for (int attempt = 1; ; attempt++) {
      try {
        String now = now();
        List<SourceRecord> history = store.sources(upload.bucket(), upload.key());
        if (stale(history, upload)) {
          return new Outcome(Result.STALE, id, null, attempt);
        }
        SourceRecord source = find(history, upload.versionId());
        if (source != null && SourceRecord.INGESTED.equals(source.status())) {
          // read fine before: a reader that now fails on it must not destroy the report
          return new Outcome(Result.UNCHANGED, source.reportId(), null, attempt);
        }
        ReportHead existing = store.head(id).orElse(null);
        ReportHead head = new ReportHead(id, ReportHead.KIND_REJECTED, null, null, null, null, null, null, null,
            null, null, null, "REJECTED", 0, 0, 0, Map.of(), null, null, 0,
            existing != null ? existing.uploadedAt() : iso(upload.eventTime()), upload.uploadOrder(),
            upload.bucket(), upload.key(), upload.versionId(), upload.eTag(), upload.size(), format, sourceName,
            readerOf(format), ReportReader.RULES_VERSION, reason, existing == null ? 1 : existing.revision() + 1, now);
        if (existing != null && Objects.equals(existing.reason(), reason)
            && Objects.equals(existing.procKey(), head.procKey()) && source != null) {
          return new Outcome(Result.UNCHANGED, id, "REJECTED", attempt);
        }
        Transaction tx = new Transaction(table);
        tx.put(ReportHead.SCHEMA.itemToMap(head, true), existing);
        if (existing == null) {
          tx.count(head, null, 1);
        } else {
          tx.register(head.procKey());
        }
        tx.put(SourceRecord.SCHEMA.itemToMap(upload.record(null, id, SourceRecord.REJECTED, reason, now), true));
        commit(tx, now);
        return new Outcome(Result.REJECTED, id, "REJECTED", attempt);
      } catch (TransactionCanceledException | TransactionConflictException | TransactionInProgressException e) {
        retryable(e, attempt);
      }
    }
  }

  // ============================================================================================ deleted source

  /**
   * A source object was deleted. {@code deleteMarker}: the key was deleted in a versioned bucket, so every
   * version of it leaves its report; otherwise only {@code upload.versionId()} does. A report left without a
   * source falls back to its latest remaining version, or leaves the lists and the summaries.
   */
  public List<Outcome> remove(Upload upload, boolean deleteMarker) {
    List<Outcome> outcomes = new ArrayList<>();
    List<SourceRecord> history = store.sources(upload.bucket(), upload.key());
    List<SourceRecord> targets = new ArrayList<>();
    for (SourceRecord s : history) {
      if (SourceRecord.REMOVED.equals(s.status()) || Sequencers.compare(s.sequencer(), upload.sequencer()) > 0) {
        continue;
      }
      if (deleteMarker || Objects.equals(Keys.sourceVersion(s.versionId()), Keys.sourceVersion(upload.versionId()))) {
        targets.add(s);
      }
    }
    for (SourceRecord s : targets) {
      outcomes.add(removeOne(s, upload, true));
    }
    if (deleteMarker || targets.isEmpty()) {
      // a tombstone, so that a late ObjectCreated event older than this delete is recognised as stale
      store.sources.putItem(new SourceRecord(upload.bucket(), upload.key(), upload.versionId(), null, null,
          upload.sequencer(), iso(upload.eventTime()), null, null, SourceRecord.REMOVED, null, now()));
    }
    return outcomes;
  }

  /**
   * Takes one source away from the version {@code sha256} of report {@code reportId} without touching the source's
   * own record: re-processing found that the source now reads as another report, which it already joined.
   */
  public Outcome detach(String reportId, String sha256, Upload source) {
    return removeOne(source.record(sha256, reportId, SourceRecord.INGESTED, null, null), source, false);
  }

  private Outcome removeOne(SourceRecord source, Upload deletion, boolean recordRemoval) {
    for (int attempt = 1; ; attempt++) {
      try {
        String now = now();
        Transaction tx = new Transaction(table);
        SourceRecord removed = new SourceRecord(source.bucket(), source.key(), source.versionId(), source.eTag(),
            source.size(), Sequencers.compare(deletion.sequencer(), source.sequencer()) > 0 ? deletion.sequencer()
            : source.sequencer(), source.eventTime(), source.sha256(), source.reportId(), SourceRecord.REMOVED,
            source.reason(), now);
        ReportHead head = source.reportId() == null ? null : store.head(source.reportId()).orElse(null);
        if (SourceRecord.REJECTED.equals(source.status())) {
          if (head != null && head.rejected() && !otherVersionRejectedAs(source)) {
            tx.delete(head.pk(), head.sk(), head);
            tx.count(head, null, -1);
          }
        } else {
          ReportVersion version = source.sha256() == null ? null
              : store.version(source.reportId(), source.sha256()).orElse(null);
          if (version != null) {
            Set<String> refs = new HashSet<>(version.sources());
            refs.remove(source.ref());
            ReportVersion newVersion = withSources(version, refs);
            tx.put(ReportVersion.SCHEMA.itemToMap(newVersion, true));
            if (head != null && head.currentSha().equals(version.sha256()) && newVersion.withdrawn()) {
              Report oldReport = store.body(version);
              Optional<ReportVersion> fallback = store.versions(head.reportId()).stream()
                  .filter(v -> !v.withdrawn() && !v.sha256().equals(version.sha256()))
                  .max(Comparator.comparing(ReportVersion::uploadOrder));
              Identity id = new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
              if (fallback.isPresent()) {
                ReportVersion next = store.version(head.reportId(), fallback.get().sha256()).orElseThrow();
                current.makeCurrent(tx, id, head, oldReport, store.body(next), next, head.versionCount(), now, null);
              } else {
                current.removeCurrent(tx, id, head, oldReport, now);
              }
            } else if (head != null) {
              tx.check(head.reportId(), head);
            }
          }
        }
        if (recordRemoval) {
          tx.put(SourceRecord.SCHEMA.itemToMap(removed, true));
        }
        commit(tx, now);
        return new Outcome(Result.REMOVED, source.reportId(), null, attempt);
      } catch (TransactionCanceledException | TransactionConflictException | TransactionInProgressException e) {
        retryable(e, attempt);
      }
    }
  }

  /** Whether another live version of the source's key holds the same rejected bytes: the rejection stays. */
  private boolean otherVersionRejectedAs(SourceRecord source) {
    String version = Keys.sourceVersion(source.versionId());
    return store.sources(source.bucket(), source.key()).stream().anyMatch(s -> SourceRecord.REJECTED.equals(s.status())
        && Objects.equals(s.reportId(), source.reportId()) && !Keys.sourceVersion(s.versionId()).equals(version));
  }

  // ============================================================================================ plumbing

  private void commit(Transaction tx, String now) {
    List<TransactWriteItem> items = tx.build(now);
    if (items.isEmpty()) {
      return;
    }
    dynamo.transactWriteItems(r -> r.transactItems(items));
  }

  /** Lost a race (condition or conflict): back off with jitter and let the caller re-read; give up eventually. */
  private static void retryable(RuntimeException e, int attempt) {
    if (e instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()) {
      for (CancellationReason reason : canceled.cancellationReasons()) {
        String code = reason.code();
        if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed")
            && !code.equals("TransactionConflict") && !code.equals("ThrottlingError")
            && !code.equals("ProvisionedThroughputExceeded")) {
          throw e;
        }
      }
    }
    if (attempt >= MAX_ATTEMPTS) {
      throw e;
    }
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(2 + Math.min(200, 5L * attempt)));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** An event older than one already applied to its key: an overwrite or a delete came after it. */
  private static boolean stale(List<SourceRecord> history, Upload upload) {
    for (SourceRecord s : history) {
      if (Sequencers.compare(s.sequencer(), upload.sequencer()) <= 0) {
        continue;
      }
      boolean sameVersion = Objects.equals(Keys.sourceVersion(s.versionId()), Keys.sourceVersion(upload.versionId()));
      if (sameVersion || SourceRecord.REMOVED.equals(s.status()) && s.sha256() == null) {
        return true;
      }
    }
    return false;
  }

  private static SourceRecord find(List<SourceRecord> history, String versionId) {
    for (SourceRecord s : history) {
      if (Objects.equals(Keys.sourceVersion(s.versionId()), Keys.sourceVersion(versionId))) {
        return s;
      }
    }
    return null;
  }

  private String now() {
    return iso(clock.instant());
  }

  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format((t == null ? Instant.EPOCH : t).truncatedTo(ChronoUnit.MILLIS));
  }
}

package nianbao.store.write;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.rules.CrossYearRules;
import nianbao.store.BatchWriter;
import nianbao.store.Bodies;
import nianbao.store.Identity;
import nianbao.store.ObjectRef;
import nianbao.store.ReportStore;
import nianbao.store.Timestamps;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Every change of the store goes through {@link #apply}: read ({@link TableSnapshot}), decide
 * ({@link WriteRules#decide}, pure), commit one transaction conditioned on the revisions of the heads read; a
 * transaction that loses a race is read and decided again, so duplicates and concurrent deliveries converge to
 * the same state and the summaries count each current report exactly once.
 */
public final class ReportWriter {
  /** Attempts of one change before giving up (the handler then fails and Lambda retries the event). */
  static final int MAX_ATTEMPTS = 80;

  private final ReportStore store;
  private final BatchWriter batch;
  private final Clock clock;

  public ReportWriter(ReportStore store) {
    this(store, Clock.systemUTC());
  }

  public ReportWriter(ReportStore store, Clock clock) {
    this.store = store;
    this.batch = new BatchWriter(store.dynamo(), store.tableName());
    this.clock = clock;
  }

  /** What a change did, and in how many attempts. */
  public record Outcome(WriteResult result, String reportId, String status, int attempts,
      List<SourceRecord> superseded) {
    public Outcome(WriteResult result, String reportId, String status, int attempts) {
      this(result, reportId, status, attempts, List.of());
    }
  }

  /** Applies one change: read, decide, commit; again on a lost race. */
  public Outcome apply(Change change) {
    for (int attempt = 1; ; attempt++) {
      try {
        WriteRules.FirstRead first = WriteRules.firstRead(change);
        TableSnapshot read = new TableSnapshot(store, first);
        String now = WriteRules.changeTime(read, change, first, clock.instant());
        Decision d = WriteRules.decide(read, change, now);
        commit(d.writes(), now);
        return new Outcome(d.result(), d.reportId(), d.status(), attempt, d.superseded());
      } catch (TransactionCanceledException | TransactionConflictException | TransactionInProgressException e) {
        retryable(e, attempt);
      }
    }
  }

  /**
   * Stores a readable report read from {@code upload}; then what the key held before for another report leaves
   * that report ({@link WriteRules#superseded}), one change each. A failure between them fails the event, and its
   * retry finds the report stored (unchanged) and goes on with the rest.
   */
  public Outcome store(Report report, UploadedObject upload) {
    Outcome stored = apply(new Change.Store(report, upload));
    for (SourceRecord earlier : stored.superseded()) {
      apply(new Change.Remove(earlier, upload));
    }
    return stored;
  }

  /** Stores an upload that is not a readable report, with the reason to show to whoever uploaded it. */
  public Outcome reject(UploadedObject upload, String format, String reason, String fileName) {
    return apply(new Change.Reject(upload, format, reason, fileName));
  }

  /**
   * Stores an upload the reader found to be no report at all: rejected, and if an older reader took it for a
   * report, it leaves that report ({@link Change.Reject#notAReport()}).
   */
  public Outcome rejectNotAReport(UploadedObject upload, String format, String reason, String fileName) {
    return apply(new Change.Reject(upload, format, reason, fileName, true));
  }

  /**
   * An object was deleted. {@code deleteMarker}: the key was deleted in a versioned bucket, so every version of
   * it leaves its report; otherwise only {@code deletion.objectVersionId()} does. Each object version leaving is
   * one change; the key keeps a tombstone so that late creation events older than the delete are stale.
   */
  public List<Outcome> remove(UploadedObject deletion, boolean deleteMarker) {
    List<SourceRecord> targets = WriteRules.removalTargets(store.sources(deletion.bucket(), deletion.key()),
        deletion, deleteMarker);
    List<Outcome> outcomes = new ArrayList<>();
    for (SourceRecord s : targets) {
      outcomes.add(apply(new Change.Remove(s, deletion)));
    }
    if (deleteMarker || targets.isEmpty()) {
      SourceRecord tombstone = WriteRules.tombstone(deletion, now());
      store.dynamo().putItem(r -> r.tableName(store.tableName()).item(TransactRequest.item(tombstone)));
    }
    return outcomes;
  }

  /**
   * The object {@code ref} was deleted by us at {@code at} (not through its S3 event): the same change its
   * ObjectRemoved event makes, ordered after every event recorded for it. Whichever comes second finds it removed.
   */
  public List<Outcome> removeObject(ObjectRef ref, Instant at) {
    String sequencer = store.source(ref.bucket(), ref.key(), ref.objectVersionId()).map(SourceRecord::sequencer)
        .orElse(null);
    return remove(new UploadedObject(ref.bucket(), ref.key(), ref.objectVersionId(), null, null, sequencer, at),
        false);
  }

  /**
   * Takes one object away from version {@code sha256} of report {@code reportId} without touching the object's
   * own record: re-processing found that the object now reads as another report, which it already joined.
   */
  public Outcome detach(String reportId, String sha256, UploadedObject upload) {
    return apply(new Change.Detach(reportId, sha256, upload));
  }

  /**
   * Tells the upload status that {@code upload} is being read by text recognition, {@code progress} saying how far
   * ("文字识别中 3/12 页"): a {@link SourceRecord#RECOGNISING} record, put only where the object has no record or
   * one of the same kind ({@link SourceRecord#progressMayReplace}, as a condition), so that a late or repeated
   * progress write never hides an outcome. It changes no report, so it is one conditional put, not a transaction.
   *
   * @return false when the object already has an outcome (the write was refused)
   */
  public boolean recognising(UploadedObject upload, String progress) {
    return progressRecord(upload, SourceRecord.RECOGNISING, progress);
  }

  /**
   * Tells the upload status that {@code upload}, a ZIP of documents, was unpacked as a batch
   * ({@link SourceRecord#BATCH}): {@code summary} says how many documents became uploads of their own and what was
   * skipped. Put as {@link #recognising} is, never over an outcome.
   *
   * @return false when the object already has an outcome
   */
  public boolean batch(UploadedObject upload, String summary) {
    return progressRecord(upload, SourceRecord.BATCH, summary);
  }

  private boolean progressRecord(UploadedObject upload, String status, String reason) {
    SourceRecord record = upload.record(null, null, status, reason, now());
    // an update, not a put: the uploader and region ingest recorded stay when the OCR function (whose event does
    // not carry them) reports progress
    Map<String, String> names = new java.util.HashMap<>(Map.of("#pk", Keys.PK, "#status", "status"));
    Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
        ":recognising", AttributeValue.fromS(SourceRecord.RECOGNISING), ":batch", AttributeValue.fromS(SourceRecord.BATCH)));
    List<String> sets = new ArrayList<>();
    Map<String, AttributeValue> item = TransactRequest.item(record);
    item.forEach((name, value) -> {
      if (!name.equals(Keys.PK) && !name.equals(Keys.SK)) {
        String n = "a" + sets.size();
        names.put("#" + n, name);
        values.put(":" + n, value);
        sets.add("#" + n + " = :" + n);
      }
    });
    try {
      store.dynamo().updateItem(r -> r.tableName(store.tableName())
          .key(Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK)))
          .updateExpression("SET " + String.join(", ", sets))
          .conditionExpression("attribute_not_exists(#pk) OR #status IN (:recognising, :batch)")
          .expressionAttributeNames(names).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  // ============================================================================================ cold start

  /** {@link #prepare(String, Report)} on this writer's table. */
  public List<TransactWriteItem> prepare(Report sample) {
    return prepare(store.tableName(), sample);
  }

  /**
   * Builds, in memory only, the requests that storing {@code sample} as a new report would make — version body,
   * head, rule items, cross-year findings, summary deltas — and reads the head, version and source items back
   * from their attributes. Needs the table's name, not a client: a cold start runs this code while the client is
   * being built, so that the first real event does not pay for loading it.
   */
  public static List<TransactWriteItem> prepare(String table, Report sample) {
    String sha = sample.source().sha256();
    Identity id = Identity.of(sample, sha);
    String now = Timestamps.iso(Instant.now());
    UploadedObject upload = new UploadedObject("prepare", "prepare.txt", null, sha, 0L, "0", Instant.now());
    if (Bodies.gzip(ReportJson.write(sample)).length > ReportVersion.INLINE_LIMIT) {
      throw new IllegalArgumentException("a sample to prepare with must fit in one item");
    }
    Writes writes = new Writes();
    ReportVersion version = StoreDecision.newVersion(writes, id.reportId(), sample, upload,
        Set.of(upload.ref().text()), null);
    List<Finding> cross = CrossYearRules.check(sample, sample);
    ReportHead head = CurrentReport.head(id, sample, version, cross, 1, 1, now,
        nianbao.store.review.ReviewState.NONE, 0);
    writes.put(head, null);
    writes.put(version);
    SourceRecord source = upload.record(sha, id.reportId(), SourceRecord.INGESTED, null, now);
    // and back, as storing reads the items it finds
    ReportHead.SCHEMA.mapToItem(TransactRequest.item(head));
    ReportVersion.SCHEMA.mapToItem(TransactRequest.item(version));
    SourceRecord.SCHEMA.mapToItem(TransactRequest.item(source));
    CurrentReport.writeRuleItems(writes, null, head, sample, java.util.Map.of());
    writes.count(head, sample, 1);
    writes.count(head, sample, -1);
    writes.count(head, sample, 1);
    writes.check(id.reportId(), head);
    return TransactRequest.of(table, writes, now);
  }

  /**
   * Makes each request storing a report makes, once, on the report id {@code absentId} under which nothing is
   * ever stored — the upload's history, the first read of heads and version, a version read, and a transaction
   * whose only action is a condition check — costliest first, each only while {@code keepGoing}. Nothing is
   * written; a cold start runs it so that the first real event does not pay for loading these paths.
   *
   * @return how many of the requests were made
   */
  public int primeRequests(String absentId, BooleanSupplier keepGoing) {
    List<Runnable> requests = List.of(
        () -> store.sources(absentId, absentId),
        () -> TableSnapshot.batchGet(store, new WriteRules.FirstRead(List.of(absentId), absentId, absentId)),
        () -> store.version(absentId, absentId),
        () -> {
          Writes writes = new Writes();
          writes.check(absentId, null);
          commit(writes, now());
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

  // ============================================================================================ plumbing

  private void commit(Writes writes, String now) {
    if (!writes.chunks().isEmpty()) {
      List<WriteRequest> puts = new ArrayList<>();
      for (BodyChunk chunk : writes.chunks()) {
        puts.add(BatchWriter.put(BodyChunk.SCHEMA.itemToMap(chunk, true)));
      }
      batch.write(puts);
    }
    List<TransactWriteItem> items = TransactRequest.of(store.tableName(), writes, now);
    if (items.isEmpty()) {
      return;
    }
    store.dynamo().transactWriteItems(r -> r.transactItems(items));
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

  private String now() {
    return Timestamps.iso(clock.instant());
  }
}

package nianbao.store.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.core.model.Report;
import nianbao.store.Backoff;
import nianbao.store.ReportStore;
import nianbao.store.item.AgencyAlias;
import nianbao.store.item.AgencyYear;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReviewRecord;
import nianbao.store.item.SourceRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The table as one decision sees it: every item read strongly consistent, once, when the decision first asks
 * for it. The heads and the version a change reads first ({@link WriteRules#firstRead}) come in one BatchGetItem
 * instead of a GetItem each; keys DynamoDB leaves unprocessed are asked again with backoff, and if they stay
 * unprocessed it fails and the event is retried (nothing is decided on a partial read). One snapshot per attempt:
 * a retry reads anew.
 */
final class TableSnapshot implements Snapshot {
  private static final int MAX_ATTEMPTS = 8;
  private static final long BASE_DELAY_MILLIS = 20;

  private final ReportStore store;
  private WriteRules.FirstRead firstRead;
  private final Map<String, List<SourceRecord>> uploads = new HashMap<>();
  private final Map<String, Optional<ReportHead>> heads = new HashMap<>();
  private final Map<String, Optional<ReportVersion>> versions = new HashMap<>();
  private final Map<String, Optional<ReviewRecord>> reviews = new HashMap<>();
  private final Map<String, Optional<DeletedReport>> deleted = new HashMap<>();
  private final Map<String, Optional<AgencyYear>> agencyYears = new HashMap<>();
  private final Map<String, Optional<AgencyAlias>> aliases = new HashMap<>();

  TableSnapshot(ReportStore store, WriteRules.FirstRead firstRead) {
    this.store = store;
    this.firstRead = firstRead;
  }

  @Override
  public List<SourceRecord> uploads(String bucket, String key) {
    return uploads.computeIfAbsent(Keys.source(bucket, key), k -> store.sources(bucket, key));
  }

  @Override
  public Optional<ReportHead> head(String reportId) {
    readFirst(reportId, null);
    return heads.computeIfAbsent(reportId, store::head);
  }

  @Override
  public Optional<ReportVersion> version(String reportId, String sha256) {
    readFirst(reportId, sha256);
    return versions.computeIfAbsent(Keys.report(reportId) + Keys.version(sha256), k -> store.version(reportId,
        sha256));
  }

  @Override
  public Optional<ReviewRecord> review(String reportId) {
    readFirst(reportId, null);
    return reviews.computeIfAbsent(reportId, store::review);
  }

  @Override
  public Optional<DeletedReport> deleted(String reportId) {
    readFirst(reportId, null);
    return deleted.computeIfAbsent(reportId, store::tombstone);
  }

  @Override
  public Optional<AgencyYear> agencyYear(String agencyKey, int year) {
    WriteRules.FirstRead batch = firstRead;
    if (batch != null && agencyKey.equals(batch.agencyKey()) && batch.years().contains(year)) {
      readFirst(batch.reportId(), null);
    }
    return agencyYears.computeIfAbsent(Keys.agency(agencyKey) + Keys.agencyYear(year),
        k -> store.agencies().year(agencyKey, year));
  }

  @Override
  public Optional<AgencyAlias> alias(String agencyKey) {
    WriteRules.FirstRead batch = firstRead;
    if (batch != null && agencyKey.equals(batch.agencyKey())) {
      readFirst(batch.reportId(), null);
    }
    return aliases.computeIfAbsent(agencyKey, store.agencies()::alias);
  }

  @Override
  public List<ReportVersion> versions(String reportId) {
    return store.versions(reportId);
  }

  @Override
  public Report body(ReportVersion version) {
    return store.body(version);
  }

  /** The first batch, once, when one of its items is asked for. */
  private void readFirst(String reportId, String sha256) {
    WriteRules.FirstRead batch = firstRead;
    if (batch == null || !(sha256 == null ? batch.headIds().contains(reportId)
        || batch.deletedIds().contains(reportId) : batch.reportId().equals(reportId)
        && sha256.equals(batch.sha256()))) {
      return;
    }
    firstRead = null;
    batch.headIds().forEach(id -> {
      heads.put(id, Optional.empty());
      reviews.put(id, Optional.empty());
    });
    batch.deletedIds().forEach(id -> deleted.put(id, Optional.empty()));
    batch.years().forEach(y -> agencyYears.put(Keys.agency(batch.agencyKey()) + Keys.agencyYear(y),
        Optional.empty()));
    if (batch.agencyKey() != null) {
      aliases.put(batch.agencyKey(), Optional.empty());
    }
    String versionKey = batch.sha256() == null ? null : Keys.report(batch.reportId()) + Keys.version(batch.sha256());
    if (versionKey != null) {
      versions.put(versionKey, Optional.empty());
    }
    for (Map<String, AttributeValue> item : batchGet(store, batch)) {
      String sk = item.get(Keys.SK).s();
      if (sk.equals(Keys.HEAD)) {
        ReportHead h = ReportHead.SCHEMA.mapToItem(item);
        heads.put(h.reportId(), Optional.of(h));
      } else if (sk.equals(Keys.REVIEW)) {
        ReviewRecord r = ReviewRecord.SCHEMA.mapToItem(item);
        reviews.put(r.reportId(), Optional.of(r));
      } else if (sk.equals(Keys.DELETED)) {
        DeletedReport d = DeletedReport.SCHEMA.mapToItem(item);
        deleted.put(d.reportId(), Optional.of(d));
      } else if (sk.equals(Keys.ALIAS)) {
        AgencyAlias a = AgencyAlias.SCHEMA.mapToItem(item);
        aliases.put(a.fromKey(), Optional.of(a));
      } else if (sk.startsWith(Keys.AGENCY_YEAR_PREFIX)) {
        AgencyYear y = AgencyYear.SCHEMA.mapToItem(item);
        agencyYears.put(y.pk() + y.sk(), Optional.of(y));
      } else {
        versions.put(versionKey, Optional.of(ReportVersion.SCHEMA.mapToItem(item)));
      }
    }
  }

  /** One strongly consistent BatchGetItem of a first read (made by start-up too, on keys where nothing is). */
  static List<Map<String, AttributeValue>> batchGet(ReportStore store, WriteRules.FirstRead batch) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    batch.headIds().forEach(id -> {
      keys.add(TransactRequest.key(Keys.report(id), Keys.HEAD));
      // the reviewers' decisions come with each head: a head is never written without them
      keys.add(TransactRequest.key(Keys.report(id), Keys.REVIEW));
    });
    // a deleted report's tombstone: a new upload of it ends the deletion, a restore reads it
    batch.deletedIds().forEach(id -> keys.add(TransactRequest.key(Keys.report(id), Keys.DELETED)));
    // the agency's years: which report is its Y−1, Y and Y+1 when not the key's own
    batch.years().forEach(y -> keys.add(TransactRequest.key(Keys.agency(batch.agencyKey()), Keys.agencyYear(y))));
    // whether an administrator merged the agency into another (one more key, no more requests)
    if (batch.agencyKey() != null) {
      keys.add(TransactRequest.key(Keys.agency(batch.agencyKey()), Keys.ALIAS));
    }
    if (batch.sha256() == null) {
      return batchGet(store, keys);
    }
    keys.add(TransactRequest.key(Keys.report(batch.reportId()), Keys.version(batch.sha256())));
    return batchGet(store, keys);
  }

  private static List<Map<String, AttributeValue>> batchGet(ReportStore store, List<Map<String, AttributeValue>> keys) {
    String table = store.tableName();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    List<Map<String, AttributeValue>> pending = new ArrayList<>(keys);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > MAX_ATTEMPTS) {
        throw new IllegalStateException(pending.size() + " keys still unprocessed after " + MAX_ATTEMPTS
            + " BatchGetItem attempts on " + table);
      }
      if (attempt > 1) {
        Backoff.sleep(BASE_DELAY_MILLIS, attempt);
      }
      List<Map<String, AttributeValue>> ask = List.copyOf(pending);
      BatchGetItemResponse r = store.dynamo().batchGetItem(b -> b.requestItems(Map.of(table,
          KeysAndAttributes.builder().keys(ask).consistentRead(true).build())));
      items.addAll(r.responses().getOrDefault(table, List.of()));
      pending.clear();
      KeysAndAttributes left = r.hasUnprocessedKeys() ? r.unprocessedKeys().get(table) : null;
      if (left != null && left.hasKeys()) {
        pending.addAll(left.keys());
      }
    }
    return items;
  }
}

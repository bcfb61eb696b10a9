package nianbao.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.DeletedReport;
import nianbao.store.item.HistoryEntry;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReviewRecord;
import nianbao.store.review.ReviewState;
import nianbao.core.review.FindingReviews;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.SourceRecord;
import nianbao.store.lists.ListSort;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Every read of the store: one report (head, full docs/FORMAT.md JSON, versions, findings), the lists of
 * {@code GET /reports} — each filter combination one index query, never a scan — the summaries (one GetItem),
 * and the fate of an uploaded object. Thread-safe; build one per process.
 */
public final class ReportStore {
  private final DynamoDbClient dynamo;
  private final String tableName;
  final DynamoDbTable<ReportHead> heads;
  final DynamoDbTable<ReportVersion> versions;
  final DynamoDbTable<BodyChunk> chunks;
  final DynamoDbTable<RuleFindings> rules;
  final DynamoDbTable<ReviewRecord> reviews;
  final DynamoDbTable<SourceRecord> sources;
  final DynamoDbTable<HistoryEntry> history;
  final DynamoDbTable<DeletedReport> tombstones;
  private final ReportLists lists;
  private final AgencyReads agencies;
  private final SummaryReads summaries;

  public ReportStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.heads = enhanced.table(tableName, ReportHead.SCHEMA);
    this.versions = enhanced.table(tableName, ReportVersion.SCHEMA);
    this.chunks = enhanced.table(tableName, BodyChunk.SCHEMA);
    this.rules = enhanced.table(tableName, RuleFindings.SCHEMA);
    this.reviews = enhanced.table(tableName, ReviewRecord.SCHEMA);
    this.sources = enhanced.table(tableName, SourceRecord.SCHEMA);
    this.history = enhanced.table(tableName, HistoryEntry.SCHEMA);
    this.tombstones = enhanced.table(tableName, DeletedReport.SCHEMA);
    this.lists = new ReportLists(dynamo, tableName);
    this.agencies = new AgencyReads(this, enhanced);
    this.summaries = new SummaryReads(dynamo, tableName);
  }

  /**
   * Builds the item schemas, which needs no client: a cold start calls this on a thread that is free while the
   * SDK client is being built, so that building the store afterwards is quick.
   */
  public static void loadSchemas() {
    List.of(ReportHead.SCHEMA, ReportVersion.SCHEMA, BodyChunk.SCHEMA, RuleFindings.SCHEMA, SourceRecord.SCHEMA,
        ReviewRecord.SCHEMA, ListEntry.SCHEMA, HistoryEntry.SCHEMA,
        DeletedReport.SCHEMA, nianbao.store.item.AgencyYear.SCHEMA, nianbao.store.item.RemovedVersion.SCHEMA);
  }

  public String tableName() {
    return tableName;
  }

  public DynamoDbClient dynamo() {
    return dynamo;
  }

  // ------------------------------------------------------------------------------------------------ one report

  public Optional<ReportHead> head(String reportId) {
    return Optional.ofNullable(heads.getItem(r -> r.key(key(Keys.report(reportId), Keys.HEAD)).consistentRead(true)));
  }

  /** A report an administrator deleted, while it is kept (soft delete). */
  public Optional<DeletionView> deleted(String reportId) {
    return tombstone(reportId).map(DeletionView::of);
  }

  /** The tombstone item itself, for the write path ({@link nianbao.store.write.TableSnapshot}). */
  public Optional<DeletedReport> tombstone(String reportId) {
    return Optional.ofNullable(tombstones.getItem(r -> r.key(key(Keys.report(reportId), Keys.DELETED))
        .consistentRead(true)));
  }

  /** What purging deleted reports needs of the store. */
  public DeletedReports deletedReports() {
    return new DeletedReports(this);
  }

  /** What purging removed versions needs of the store. */
  public RemovedVersions removedVersions() {
    return new RemovedVersions(this);
  }

  /** A page of deleted reports whose retention ended before {@code now} (ISO), soonest first: one index query. */
  Page<DeletedReport> expiredDeletions(String now, int limit) {
    var page = tombstones.index(Keys.BY_NEWEST).query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortLessThan(k -> k.partitionValue(DeletedReport.LIST).sortValue(now)))
        .limit(limit).build()).iterator().next();
    return new Page<>(page.items(), null);
  }

  /** The reviewers' decisions on a report, if any. */
  public Optional<ReviewRecord> review(String reportId) {
    return Optional.ofNullable(reviews.getItem(r -> r.key(key(Keys.report(reportId), Keys.REVIEW))
        .consistentRead(true)));
  }

  /** One version, by sha256, with its report as read (its single-report findings only). */
  public Optional<VersionView.WithReport> versionReport(String reportId, String sha256) {
    return version(reportId, sha256).map(v -> new VersionView.WithReport(VersionView.of(v), body(v)));
  }

  /** The reviewers' decisions, corrections and notices on a report (none if never reviewed). */
  public ReviewState reviewState(String reportId) {
    return ReviewState.of(review(reportId));
  }

  public Optional<ReportVersion> version(String reportId, String sha256) {
    return Optional.ofNullable(versions.getItem(r -> r.key(key(Keys.report(reportId), Keys.version(sha256)))
        .consistentRead(true)));
  }

  /** The report as docs/FORMAT.md's JSON with all its current findings (single-report and cross-year). */
  public Optional<Report> report(String reportId) {
    return reportView(reportId).filter(h -> !h.rejected()).map(this::currentReport);
  }

  /** A report's current state, or a rejected upload's. */
  public Optional<ReportView> reportView(String reportId) {
    return head(reportId).map(ReportView::of);
  }

  /** The report of {@code view}'s current version, with all its current findings; null for a rejected upload. */
  public Report currentReport(ReportView view) {
    Reviewed r = reviewed(view);
    return r == null ? null : r.report();
  }

  /**
   * The current report as served: the version's body corrected by its reviewers, with the head's cross-year
   * findings, every finding identified and reviewed; and each correction's state on this reading.
   */
  public record Reviewed(Report report, List<nianbao.core.review.Corrections.State> corrections) {}

  /** {@link Reviewed} of {@code view}; null for a rejected upload. */
  public Reviewed reviewed(ReportView view) {
    if (view.rejected()) {
      return null;
    }
    ReportVersion v = version(view.id(), view.currentSha256()).orElseThrow(() -> new IllegalStateException(
        "report " + view.id() + " has no current version " + view.currentSha256()));
    return reviewed(body(v), view, ReviewState.of(review(view.id())));
  }

  static Reviewed reviewed(Report asRead, ReportView view, ReviewState review) {
    var corrected = review.correct(asRead);
    Report report = withCrossFindings(corrected.report(), view.crossYearFindings());
    return new Reviewed(report.withFindings(FindingReviews.apply(report.findings(), review.decisions())),
        corrected.states());
  }

  /** Every version of a report, newest upload first (none for a rejected upload). */
  public List<VersionView> versionViews(String reportId) {
    return versions(reportId).stream().map(VersionView::of).toList();
  }

  /** One version of a report, by sha256. */
  public Optional<VersionView> versionView(String reportId, String sha256) {
    return version(reportId, sha256).map(VersionView::of);
  }

  /** Adds the head's cross-year findings to its version's report. */
  static Report withCrossFindings(Report body, List<Finding> cross) {
    if (cross.isEmpty()) {
      return body;
    }
    List<Finding> all = new ArrayList<>(body.findings());
    all.addAll(cross);
    return body.withFindings(all);
  }

  /** A version's report (its single-report findings only), read back from the item or its chunks. */
  public Report body(ReportVersion version) {
    byte[] gz;
    if (version.body() != null) {
      gz = version.body().asByteArray();
    } else {
      List<BodyChunk> parts = new ArrayList<>();
      chunks.query(QueryEnhancedRequest.builder()
          .queryConditional(QueryConditional.sortBeginsWith(key(version.pk(),
              Keys.bodyChunkPrefix(version.sha256(), version.bodyHash()))))
          .consistentRead(true).build()).items().forEach(parts::add);
      if (parts.size() != version.bodyChunks()) {
        throw new IllegalStateException("report " + version.reportId() + " version " + version.sha256() + " has "
            + parts.size() + " of " + version.bodyChunks() + " body chunks");
      }
      parts.sort(Comparator.comparingInt(BodyChunk::n));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      parts.forEach(p -> out.writeBytes(p.data().asByteArray()));
      gz = out.toByteArray();
    }
    return ReportJson.read(Bodies.gunzip(gz));
  }

  /**
   * A page of a report's audit history, newest first: one Query of its partition's {@code H#} items. The cursor is
   * opaque ({@link Cursor}); a cursor of another report's history is refused.
   *
   * @throws IllegalArgumentException for a malformed cursor or one of another report
   */
  public Page<HistoryView> history(String reportId, int limit, String cursor) {
    String list = "H|" + reportId;
    var start = Cursor.decode(list, cursor);
    if (start != null && !Keys.report(reportId).equals(start.get(Keys.PK).s())) {
      throw new IllegalArgumentException("cursor of another report");
    }
    var page = history.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(key(Keys.report(reportId), HistoryEntry.PREFIX)))
        .scanIndexForward(false).exclusiveStartKey(start).limit(limit).consistentRead(true).build())
        .iterator().next();
    return new Page<>(page.items().stream().map(HistoryView::of).toList(),
        Cursor.encode(list, page.lastEvaluatedKey()));
  }

  /** Every version of a report (without bodies), newest upload first. */
  public List<ReportVersion> versions(String reportId) {
    List<ReportVersion> list = new ArrayList<>();
    versions.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(key(Keys.report(reportId), Keys.VERSION_PREFIX)))
        .attributesToProject("pk", "sk", "reportId", "sha256", "uploadedAt", "uploadOrder", "bodyChunks",
            "bodyHash", "reader", "rulesVersion", "status", "errors", "warnings", "notes", "sources", "withdrawn", "bucket",
            "key", "versionId", "eTag", "size", "format", "sourceName", "removedAt", "removedBy")
        .consistentRead(true).build()).items().forEach(list::add);
    list.sort(Comparator.comparing(ReportVersion::uploadOrder, Comparator.nullsFirst(Comparator.naturalOrder()))
        .reversed());
    return list;
  }

  /** The current findings of a report, grouped by rule, as stored in its rule items. */
  public List<RuleFindings> ruleFindings(String reportId) {
    List<RuleFindings> list = new ArrayList<>();
    rules.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(key(Keys.report(reportId), Keys.RULE_PREFIX)))
        .consistentRead(true).build()).items().forEach(list::add);
    return list;
  }

  /** The current findings of a report, in rule order. */
  public List<Finding> findings(String reportId) {
    List<Finding> all = new ArrayList<>();
    for (RuleFindings r : ruleFindings(reportId)) {
      List<Finding> findings = Findings.of(r);
      // items written before reviews have no fingerprints: none could have been decided on
      boolean identified = findings.stream().allMatch(f -> f.fingerprint() != null);
      all.addAll(identified ? findings : FindingReviews.apply(findings, java.util.Map.of()));
    }
    return all;
  }

  /** One agency's reports, by year (oldest first): its year items, then a batch of gets ({@link AgencyReads}). */
  public List<ReportView> agencyReports(String agencyKey, int fromYear, int toYear) {
    return agencies.heads(agencyKey, fromYear, toYear).stream().map(ReportView::of).toList();
  }

  /** An agency's reports and year items. */
  public AgencyReads agencies() {
    return agencies;
  }

  // ------------------------------------------------------------------------------------------------ uploads

  /**
   * Every object version in the bucket that is (part of) the report: the rejected upload's object, or each object
   * of each of its versions. Empty when there is no such report.
   */
  public List<ObjectRef> objectsOf(String reportId) {
    return head(reportId).map(h -> objectsOf(reportId, h)).orElse(List.of());
  }

  /** {@link #objectsOf(String)} for a head read already: the live one, or the one a tombstone keeps. */
  List<ObjectRef> objectsOf(String reportId, ReportHead h) {
    if (h.rejected()) {
      String version = Keys.sourceVersion(h.versionId());
      return List.of(new ObjectRef(h.bucket(), h.key(), version.equals(Keys.sourceVersion(null)) ? null : version));
    }
    List<ObjectRef> objects = new ArrayList<>();
    for (ReportVersion v : versions(reportId)) {
      v.sources().forEach(text -> objects.add(ObjectRef.parse(text)));
    }
    return objects;
  }

  public Optional<SourceRecord> source(String bucket, String key, String versionId) {
    return Optional.ofNullable(sources.getItem(r -> r.key(key(Keys.source(bucket, key),
        Keys.sourceVersion(versionId))).consistentRead(true)));
  }

  /** What became of each recorded version of one uploaded key, newest event first. */
  public List<UploadView> uploadHistory(String bucket, String key) {
    return sources(bucket, key).stream().map(UploadView::of).toList();
  }

  /** Every recorded version of one uploaded key, newest event first. */
  public List<SourceRecord> sources(String bucket, String key) {
    List<SourceRecord> list = new ArrayList<>();
    sources.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(Keys.source(bucket, key))))
        .consistentRead(true).build()).items().forEach(list::add);
    list.sort(Comparator.comparing((SourceRecord s) -> Sequencers.padded(s.sequencer())).reversed());
    return list;
  }

  // ------------------------------------------------------------------------------------------------ summaries

  /** The summary of a scope (null = all); a scope nothing has been counted in yet is all zeros. */
  public Summary summary(Integer year, String province, String city) {
    return summaries.summary(year, province, city);
  }

  /** The summary of a county ({@code city} null for a county without a city); all zeros when nothing counted. */
  public Summary summary(Integer year, String province, String city, String county) {
    return summaries.summary(year, province, city, county);
  }

  /** The processing versions (rules|reader) any stored report has been written with. */
  public List<String> processingVersions() {
    GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.summary(null, null, null)),
            Keys.SK, AttributeValue.fromS(Keys.SUMMARY))).projectionExpression("procKeys"));
    if (!response.hasItem() || response.item().get("procKeys") == null) {
      return List.of();
    }
    return response.item().get("procKeys").ss();
  }

  /** A page of the heads written with one processing version (index byProcessing, keys only). */
  public Page<String> reportIdsProcessedWith(String procKey, int limit, String cursor) {
    Page<ReportHead> page = headsIn(Keys.BY_PROCESSING, procKey, limit, cursor);
    return new Page<>(page.items().stream().map(ReportHead::reportId).toList(), page.cursor());
  }

  /** A page of every head, current reports and rejected uploads, newest first (byNewest projects all of it). */
  public Page<ReportHead> allHeads(int limit, String cursor) {
    return headsIn(Keys.BY_NEWEST, Keys.LIST_ALL, limit, cursor);
  }

  private Page<ReportHead> headsIn(String index, String partition, int limit, String cursor) {
    var page = heads.index(index).query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
        .exclusiveStartKey(Cursor.decode(index, cursor)).limit(limit).build()).iterator().next();
    return new Page<>(page.items(), Cursor.encode(index, page.lastEvaluatedKey()));
  }

  // ------------------------------------------------------------------------------------------------ lists

  /** A page of reports newest first (year, then upload time); {@link #list(ListFilter, ListSort, int, String)}. */
  public Page<ReportRow> list(ListFilter f, int limit, String cursor) {
    return lists.list(f, ListSort.NEWEST, limit, cursor);
  }

  /**
   * A page of reports for any combination of filters, in {@code sort} order. A page may be short (even empty)
   * with a cursor when a filter the keys cannot answer used up its read budget: read on while there is a cursor.
   * Costs: functions/store/README.md, "Lists".
   *
   * @throws UnsupportedFilterException for a city or county without its province
   * @throws IllegalArgumentException for a malformed cursor or one of another list
   */
  public Page<ReportRow> list(ListFilter f, ListSort sort, int limit, String cursor) {
    return lists.list(f, sort, limit, cursor);
  }

  /**
   * A page of a ranking of a year's reports in a region, by errors or an indicator (only the reports it ranks:
   * known, over at least ten cases), highest first unless {@code ascending}: list entries, one key range per status
   * and level — never every report of the scope. Costs: functions/store/README.md, "Rankings".
   */
  public Page<ReportRow> ranking(ListFilter f, ListSort by, boolean ascending, int limit, String cursor) {
    return lists.ranking(f, by, ascending, limit, cursor);
  }

  /**
   * The summaries of a region in each of {@code years} that has one, oldest first ({@link SummaryReads}); down to a
   * county ({@code city} null for a county without a city) when {@code county} is given.
   */
  public List<Summary> summaries(List<Integer> years, String province, String city, String county) {
    return summaries.years(years, province, city, county);
  }

  /** The summaries of these provinces in {@code year} that exist, in no order. */
  public List<Summary> provinceSummaries(int year, java.util.Collection<String> provinces) {
    return summaries.provinces(year, provinces);
  }

  /** The summaries of these cities of {@code province} in {@code year} that exist, in no order. */
  public List<Summary> citySummaries(int year, String province, java.util.Collection<String> cities) {
    return summaries.cities(year, province, cities);
  }

  /** The summaries of these counties of a city ({@code city} null: of the province, without a city) that exist. */
  public List<Summary> countySummaries(int year, String province, String city,
      java.util.Collection<String> counties) {
    return summaries.counties(year, province, city, counties);
  }

  static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }
}

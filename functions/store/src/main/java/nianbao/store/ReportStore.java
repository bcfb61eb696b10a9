package nianbao.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.store.item.BodyChunk;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.SourceRecord;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Every read of the store: one report (head, full FORMAT.md JSON, versions, findings), the lists of
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
  final DynamoDbTable<SourceRecord> sources;

  public ReportStore(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    this.heads = enhanced.table(tableName, ReportHead.SCHEMA);
    this.versions = enhanced.table(tableName, ReportVersion.SCHEMA);
    this.chunks = enhanced.table(tableName, BodyChunk.SCHEMA);
    this.rules = enhanced.table(tableName, RuleFindings.SCHEMA);
    this.sources = enhanced.table(tableName, SourceRecord.SCHEMA);
  }

  /**
   * Builds the item schemas, which needs no client: a cold start calls this on a thread that is free while the
   * SDK client is being built, so that building the store afterwards is quick.
   */
  public static void loadSchemas() {
    List.of(ReportHead.SCHEMA, ReportVersion.SCHEMA, BodyChunk.SCHEMA, RuleFindings.SCHEMA, SourceRecord.SCHEMA);
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

  public Optional<ReportVersion> version(String reportId, String sha256) {
    return Optional.ofNullable(versions.getItem(r -> r.key(key(Keys.report(reportId), Keys.version(sha256)))
        .consistentRead(true)));
  }

  /** The report as FORMAT.md's JSON with all its current findings (single-report and cross-year). */
  public Optional<Report> report(String reportId) {
    return reportView(reportId).filter(h -> !h.rejected()).map(this::currentReport);
  }

  /** A report's current state, or a rejected upload's. */
  public Optional<ReportView> reportView(String reportId) {
    return head(reportId).map(ReportView::of);
  }

  /** The report of {@code view}'s current version, with all its current findings; null for a rejected upload. */
  public Report currentReport(ReportView view) {
    if (view.rejected()) {
      return null;
    }
    ReportVersion v = version(view.id(), view.currentSha256()).orElseThrow(() -> new IllegalStateException(
        "report " + view.id() + " has no current version " + view.currentSha256()));
    return withCrossFindings(body(v), view.crossYearFindings());
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
  public static Report withCrossFindings(Report body, ReportHead head) {
    return withCrossFindings(body, Findings.read(head.crossFindings()));
  }

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

  /** Every version of a report (without bodies), newest upload first. */
  public List<ReportVersion> versions(String reportId) {
    List<ReportVersion> list = new ArrayList<>();
    versions.query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.sortBeginsWith(key(Keys.report(reportId), Keys.VERSION_PREFIX)))
        .attributesToProject("pk", "sk", "reportId", "sha256", "uploadedAt", "uploadOrder", "bodyChunks",
            "bodyHash", "reader", "rulesVersion", "status", "errors", "warnings", "notes", "sources", "withdrawn", "bucket",
            "key", "versionId", "eTag", "size", "format", "sourceName")
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
      all.addAll(Findings.of(r));
    }
    return all;
  }

  /** One agency's reports, by year (oldest first): a batch of gets over the plausible years, no query. */
  public List<ReportView> agencyReports(String agencyKey, int fromYear, int toYear) {
    return agencyHeads(agencyKey, fromYear, toYear).stream().map(ReportView::of).toList();
  }

  List<ReportHead> agencyHeads(String agencyKey, int fromYear, int toYear) {
    List<ReportHead> found = new ArrayList<>();
    List<Key> keys = new ArrayList<>();
    for (int y = fromYear; y <= toYear; y++) {
      keys.add(key(Keys.report(Identity.reportId(agencyKey, y)), Keys.HEAD));
    }
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    for (int from = 0; from < keys.size(); from += 100) {
      List<Key> slice = keys.subList(from, Math.min(keys.size(), from + 100));
      var batch = software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch.builder(ReportHead.class)
          .mappedTableResource(heads);
      slice.forEach(batch::addGetItem);
      enhanced.batchGetItem(r -> r.readBatches(batch.build())).resultsForTable(heads).forEach(found::add);
    }
    found.sort(Comparator.comparing(ReportHead::year));
    return found;
  }

  // ------------------------------------------------------------------------------------------------ uploads

  /**
   * Every object version in the bucket that is (part of) the report: the rejected upload's object, or each object
   * of each of its versions. Empty when there is no such report.
   */
  public List<ObjectRef> objectsOf(String reportId) {
    Optional<ReportHead> head = head(reportId);
    if (head.isEmpty()) {
      return List.of();
    }
    ReportHead h = head.get();
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
    if (city != null && province == null) {
      throw new IllegalArgumentException("a city summary needs its province");
    }
    GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.summary(year, province, city)),
            Keys.SK, AttributeValue.fromS(Keys.SUMMARY))));
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    String updatedAt = null;
    if (response.hasItem()) {
      for (Map.Entry<String, AttributeValue> e : response.item().entrySet()) {
        if (e.getValue().n() != null) {
          values.put(e.getKey(), new BigDecimal(e.getValue().n()));
        } else if (e.getKey().equals("updatedAt")) {
          updatedAt = e.getValue().s();
        }
      }
    }
    return new Summary(year, province, city, values, updatedAt);
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

  /**
   * A page of reports, newest first (year, then upload time), for one supported combination of filters. Each
   * combination is one index query: see functions/store/README.md.
   *
   * @throws UnsupportedFilterException for a combination no index answers
   * @throws IllegalArgumentException for a malformed cursor
   */
  public Page<ReportRow> list(ListFilter f, int limit, String cursor) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1…1000");
    }
    boolean y = f.year() != null;
    boolean p = f.province() != null;
    boolean c = f.city() != null;
    boolean s = f.status() != null;
    boolean r = f.rule() != null;
    boolean a = f.agency() != null;
    if (c && !p) {
      throw new UnsupportedFilterException(f.describe() + "（city 需要同时给出 province）");
    }
    if (c) {
      // the smallest region partitions: status, rule and agency (anywhere in the name) filter within them
      String index = y ? Keys.BY_YEAR_CITY : Keys.BY_CITY;
      String pk = (y ? f.year() + "#" : "") + f.province() + "#" + f.city();
      return headPage(index, pk, cityFilter(f), limit, cursor);
    }
    if (s && (r || a || p)) {
      throw new UnsupportedFilterException(f.describe());
    }
    if (r) {
      if (p || a) {
        throw new UnsupportedFilterException(f.describe());
      }
      String index = y ? Keys.BY_YEAR_RULE : Keys.BY_RULE;
      return rulePage(index, y ? f.year() + "#" + f.rule() : f.rule(), limit, cursor);
    }
    if (a) {
      if (p) {
        throw new UnsupportedFilterException(f.describe());
      }
      return agencyPage(f, limit, cursor);
    }
    if (p) {
      return y ? headPage(Keys.BY_YEAR_PROVINCE, f.year() + "#" + f.province(), null, limit, cursor)
          : headPage(Keys.BY_PROVINCE, f.province(), null, limit, cursor);
    }
    if (s) {
      return y ? headPage(Keys.BY_YEAR_STATUS, f.year() + "#" + f.status(), null, limit, cursor)
          : headPage(Keys.BY_STATUS, f.status(), null, limit, cursor);
    }
    return y ? headPage(Keys.BY_YEAR, f.year().toString(), null, limit, cursor)
        : headPage(Keys.BY_NEWEST, Keys.LIST_ALL, null, limit, cursor);
  }

  private static Expression cityFilter(ListFilter f) {
    List<String> parts = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (f.status() != null) {
      parts.add("#st = :st");
      names.put("#st", "status");
      values.put(":st", AttributeValue.fromS(f.status()));
    }
    if (f.rule() != null) {
      parts.add("contains(#ru, :ru)");
      names.put("#ru", "ruleIds");
      values.put(":ru", AttributeValue.fromS(f.rule()));
    }
    if (f.agency() != null) {
      parts.add("contains(#an, :an)");
      names.put("#an", "agencyNorm");
      values.put(":an", AttributeValue.fromS(Identity.normaliseAgency(f.agency())));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return Expression.builder().expression(String.join(" AND ", parts)).expressionNames(names)
        .expressionValues(values).build();
  }

  private Page<ReportRow> agencyPage(ListFilter f, int limit, String cursor) {
    String prefix = Identity.normaliseAgency(f.agency());
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("agency prefix is empty");
    }
    String initial = prefix.substring(0, prefix.offsetByCodePoints(0, 1));
    Expression filter = f.year() == null ? null : Expression.builder().expression("#y = :y")
        .putExpressionName("#y", "year").putExpressionValue(":y", AttributeValue.fromN(f.year().toString())).build();
    return page(heads.index(Keys.BY_AGENCY), Keys.BY_AGENCY,
        QueryConditional.sortBeginsWith(k -> k.partitionValue(initial).sortValue(prefix)), filter, true, limit,
        cursor, ReportRow::of);
  }

  private Page<ReportRow> headPage(String index, String partition, Expression filter, int limit, String cursor) {
    return page(heads.index(index), index, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), filter,
        false, limit, cursor, ReportRow::of);
  }

  private Page<ReportRow> rulePage(String index, String partition, int limit, String cursor) {
    return page(rules.index(index), index, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), null,
        false, limit, cursor, ReportRow::of);
  }

  /** Pages through one index partition until {@code limit} rows pass the filter or the partition ends. */
  private <T> Page<ReportRow> page(DynamoDbIndex<T> index, String indexName, QueryConditional condition,
      Expression filter, boolean forward, int limit, String cursor, Function<T, ReportRow> row) {
    Map<String, AttributeValue> start = Cursor.decode(indexName, cursor);
    List<ReportRow> rows = new ArrayList<>();
    Map<String, AttributeValue> last = null;
    while (true) {
      QueryEnhancedRequest.Builder q = QueryEnhancedRequest.builder().queryConditional(condition)
          .scanIndexForward(forward).limit(limit - rows.size()).exclusiveStartKey(start);
      if (filter != null) {
        q.filterExpression(filter);
      }
      SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages = index.query(q.build());
      var page = pages.iterator().next();
      page.items().forEach(item -> rows.add(row.apply(item)));
      last = page.lastEvaluatedKey();
      if (last == null || last.isEmpty() || rows.size() >= limit) {
        break;
      }
      start = last;
    }
    return new Page<>(rows, Cursor.encode(indexName, last));
  }

  static Key key(String pk, String sk) {
    return Key.builder().partitionValue(pk).sortValue(sk).build();
  }
}

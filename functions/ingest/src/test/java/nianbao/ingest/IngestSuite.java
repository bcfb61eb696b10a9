package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.rules.CrossYearRules;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.ingest.operations.Reprocessor;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.ListFilter;
import nianbao.store.ReportRow;
import nianbao.store.Summary;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.SourceRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The ingest suite, run against each backend (in-process servers, moto_server, AWS_ENDPOINT_URL). Every test
 * gets its own table (from template.yaml) and bucket, drives the real handler with events as Lambda delivers
 * them, and ends by checking that every summary equals the sum over the current reports.
 */
abstract class IngestSuite {
  abstract Backend backend();

  Harness harness() {
    return new Harness(backend(), backend().dynamo(), ReportParser.CORE);
  }

  static Report read(byte[] bytes, String name) throws Exception {
    return ReportReader.read(bytes, name);
  }

  @Test
  void severalRecordsInOneEventEachBecomeAReport() throws Exception {
    // GIVEN the five seeds uploaded, one under a key with a space, a plus and Chinese
    Harness h = harness();
    List<Harness.Uploaded> uploads = new ArrayList<>();
    for (String name : SeedReports.NAMES) {
      String key = name.equals(SeedReports.XINXIANG_2022) ? "uploads/报告 2022 v1+final.txt" : "uploads/" + name;
      uploads.add(h.upload(key, SeedReports.bytes(name)));
    }
    // WHEN one event carries all five records
    String answer = h.deliver(uploads.toArray(Harness.Uploaded[]::new));
    // THEN five reports, each as core reads it, and the summaries count them
    assertTrue(answer.contains("CREATED"), answer);
    assertEquals(5, h.heads().size());
    for (int i = 0; i < SeedReports.NAMES.size(); i++) {
      Report expected = read(SeedReports.bytes(SeedReports.NAMES.get(i)), "x");
      String id = Identity.of(expected, expected.source().sha256()).reportId();
      ReportHead head = h.store.head(id).orElseThrow();
      assertEquals(uploads.get(i).key(), head.key(), "key decoded exactly");
      assertEquals(uploads.get(i).versionId(), head.versionId());
      assertEquals(expected.agency(), head.agency());
      assertEquals(expected.year(), head.year());
      Report stored = h.store.report(id).orElseThrow();
      assertEquals(expected.applications(), stored.applications());
      assertEquals(expected.sections(), stored.sections());
      assertEquals(expected.findings().size(), h.store.findings(id).size() - crossCount(head));
    }
    SourceRecord source = h.store.source(h.bucket, "uploads/报告 2022 v1+final.txt",
        uploads.get(3).versionId()).orElseThrow();
    assertEquals(SourceRecord.INGESTED, source.status());
    Summary all = h.store.summary(null, null, null);
    assertEquals(5, all.reports());
    assertEquals(3, h.store.summary(2022, null, null).reports());
    assertEquals(3, h.store.summary(2022, "河南省", null).reports());
    assertEquals(3, h.store.summary(2022, "河南省", "新乡市").reports(), "卫滨区, 卫辉市 and 新乡县 are in 新乡市");
    h.assertSummariesExact();
  }

  private static int crossCount(ReportHead head) {
    return Findings.read(head.crossFindings()).size();
  }

  @Test
  void theSameObjectDeliveredTwiceAndConcurrentlyChangesNothing() throws Exception {
    Harness h = harness();
    Harness.Uploaded u = h.upload("uploads/dup.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    h.deliver(u);
    ReportHead first = h.heads().get(0);
    Summary before = h.store.summary(null, null, null);

    // WHEN the same event arrives 50 times at once, and again afterwards
    for (String answer : deliveredAtOnce(h, u, 50)) {
      assertTrue(answer.contains("UNCHANGED"));
    }
    h.deliver(u);

    // THEN nothing changed: same head revision, one version, same summary
    ReportHead after = h.heads().get(0);
    assertEquals(first.revision(), after.revision());
    assertEquals(1, h.store.versions(after.reportId()).size());
    assertEquals(before.values(), h.store.summary(null, null, null).values());
    h.assertSummariesExact();
  }

  @Test
  void fiftyConcurrentFirstDeliveriesMakeOneReport() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(backend().isolatesConcurrentTransactions(),
        "this backend does not isolate concurrent transactions");
    Harness h = harness();
    Harness.Uploaded u = h.upload("uploads/race.txt", SeedReports.bytes(SeedReports.NAMES.get(2)));
    int created = 0;
    for (String answer : deliveredAtOnce(h, u, 50)) {
      if (answer.contains("CREATED")) {
        created++;
      }
    }
    assertEquals(1, created, "exactly one delivery created the report");
    assertEquals(1, h.heads().size());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
  }

  /** {@code u}'s event delivered {@code times} times at once, on threads released together: each answer. */
  private static List<String> deliveredAtOnce(Harness h, Harness.Uploaded u, int times) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return h.deliver(u);
      }));
    }
    start.countDown();
    List<String> answers = new ArrayList<>();
    for (Future<String> f : results) {
      answers.add(f.get(180, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return answers;
  }

  @Test
  void aCorrectedUploadBecomesCurrentAndTheEarlierIsKeptEvenWhenEventsArriveOutOfOrder() throws Exception {
    Harness h = harness();
    Harness.Uploaded v1 = h.upload("uploads/xinxiang.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    Thread.sleep(5);
    Harness.Uploaded v2 = h.upload("uploads/xinxiang-corrected.txt",
        SeedReports.corrected(SeedReports.XINXIANG_2022, "（本报告已更正）"));
    // WHEN the later upload's event arrives first
    assertTrue(h.deliver(v2).contains("CREATED"));
    assertTrue(h.deliver(v1).contains("OLDER_VERSION_KEPT"));
    // THEN the later upload is current, both are listed, and the report counts once
    ReportHead head = h.heads().get(0);
    assertEquals(ReportReader.sha256(SeedReports.corrected(SeedReports.XINXIANG_2022, "（本报告已更正）")), head.currentSha());
    List<ReportVersion> versions = h.store.versions(head.reportId());
    assertEquals(2, versions.size());
    assertEquals(head.currentSha(), versions.get(0).sha256(), "newest first");
    assertEquals(2, head.versionCount());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();

    // AND a third, still later upload replaces it again
    Thread.sleep(5);
    Harness.Uploaded v3 = h.upload("uploads/xinxiang.txt", SeedReports.corrected(SeedReports.XINXIANG_2022, "（再次更正）"));
    assertTrue(h.deliver(v3).contains("NEW_CURRENT_VERSION"));
    assertEquals(3, h.store.versions(head.reportId()).size());
    assertEquals(1, h.store.summary(2022, null, null).reports());
    h.assertSummariesExact();
  }

  @Test
  void anUnreadableFileIsKeptAsRejectedWithItsReasonAndLeavesWhenDeleted() {
    Harness h = harness();
    byte[] binary = new byte[4096];
    ThreadLocalRandom.current().nextBytes(binary);
    Harness.Uploaded u = h.upload("uploads/scan.bin", binary);
    Harness.Uploaded empty = h.upload("uploads/empty.txt", new byte[0]);
    h.deliver(u, empty);
    List<ReportHead> heads = h.heads();
    assertEquals(2, heads.size());
    for (ReportHead head : heads) {
      assertTrue(head.rejected());
      assertEquals("REJECTED", head.status());
      assertNotNull(head.reason());
      assertFalse(head.reason().isBlank());
    }
    ReportHead scan = heads.stream().filter(x -> x.key().equals("uploads/scan.bin")).findFirst().orElseThrow();
    assertEquals(u.versionId(), scan.versionId());
    assertEquals(2, h.store.summary(null, null, null).byStatus().get("REJECTED"));
    assertEquals(SourceRecord.REJECTED, h.store.source(h.bucket, "uploads/scan.bin", u.versionId()).orElseThrow()
        .status());
    // a duplicate delivery changes nothing
    h.deliver(u);
    assertEquals(2, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();

    // WHEN the file is deleted
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/scan.bin"));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/scan.bin", "marker-1", true));
    assertEquals(1, h.heads().size());
    assertEquals(1, h.store.summary(null, null, null).byStatus().get("REJECTED"));
    h.assertSummariesExact();
  }

  @Test
  void deletingTheSourceRemovesTheReportFromListsAndSummaries() throws Exception {
    Harness h = harness();
    Harness.Uploaded a = h.upload("uploads/a.txt", SeedReports.bytes(SeedReports.NAMES.get(0)));
    Harness.Uploaded b = h.upload("uploads/b.txt", SeedReports.bytes(SeedReports.NAMES.get(2)));
    h.deliver(a, b);
    assertEquals(2, h.store.summary(2022, "河南省", "新乡市").reports());

    // WHEN a's key is deleted (a delete marker in the versioned bucket)
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/a.txt"));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/a.txt", "marker-a", true));
    // THEN a leaves lists and summaries; b stays
    assertEquals(1, h.heads().size());
    assertEquals(1, h.store.summary(2022, "河南省", "新乡市").reports());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
    // AND a late, duplicate ObjectCreated event of the deleted object does not bring it back
    h.deliver(a);
    assertEquals(1, h.heads().size());
    h.assertSummariesExact();
  }

  @Test
  void aCorrectionFallsBackToTheEarlierVersionWhenItsObjectIsDeleted() throws Exception {
    Harness h = harness();
    Harness.Uploaded v1 = h.upload("uploads/v1.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    Thread.sleep(5);
    Harness.Uploaded v2 = h.upload("uploads/v2.txt", SeedReports.corrected(SeedReports.XINXIANG_2022, "更正"));
    h.deliver(v1, v2);
    String id = h.heads().get(0).reportId();
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/v2.txt").versionId(v2.versionId()));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/v2.txt", v2.versionId(), false));
    ReportHead head = h.store.head(id).orElseThrow();
    assertEquals(ReportReader.sha256(SeedReports.bytes(SeedReports.XINXIANG_2022)), head.currentSha());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
  }

  @Test
  void crossYearChecksUpdateBothSidesWhicheverArrivesFirst() throws Exception {
    Harness h = harness();
    byte[] y2022 = SeedReports.bytes(SeedReports.XINXIANG_2022);
    byte[] y2021 = SeedReports.otherYear(SeedReports.XINXIANG_2022, 2022, 2021);
    byte[] y2023 = SeedReports.otherYear(SeedReports.XINXIANG_2022, 2022, 2023);
    Report r2021 = read(y2021, "2021.txt");
    Report r2022 = read(y2022, "2022.txt");
    Report r2023 = read(y2023, "2023.txt");
    assertEquals(2021, r2021.year());
    // WHEN 2022 arrives first, then 2023 and 2021 (Y+1 and Y-1 of the stored one)
    h.deliver(h.upload("uploads/2022.txt", y2022));
    h.deliver(h.upload("uploads/2023.txt", y2023));
    h.deliver(h.upload("uploads/2021.txt", y2021));
    // THEN each year's cross-year findings are the core's verdict against its stored predecessor
    String agency = Identity.of(r2022, r2022.source().sha256()).agencyKey();
    ReportHead h2021 = h.store.head(Identity.reportId(agency, 2021)).orElseThrow();
    ReportHead h2022 = h.store.head(Identity.reportId(agency, 2022)).orElseThrow();
    ReportHead h2023 = h.store.head(Identity.reportId(agency, 2023)).orElseThrow();
    assertEquals(List.of(), Findings.read(h2021.crossFindings()));
    List<Finding> expected2022 = CrossYearRules.check(r2021, r2022);
    List<Finding> expected2023 = CrossYearRules.check(r2022, r2023);
    assertFalse(expected2022.isEmpty(), "the copied text repeats last year's: X5 at least");
    assertEquals(expected2022, Findings.read(h2022.crossFindings()));
    assertEquals(expected2023, Findings.read(h2023.crossFindings()));
    boolean errors2022 = r2022.hasErrors() || expected2022.stream().anyMatch(f -> f.severity().name().equals("ERROR"));
    assertEquals(errors2022 ? "HAS_ERRORS" : "VALID", h2022.status());
    assertEquals(r2022.findings().size() + expected2022.size(), h.store.findings(h2022.reportId()).size());
    h.assertSummariesExact();

    // AND removing 2021 takes its comparison away from 2022
    h.s3.deleteObject(r -> r.bucket(h.bucket).key("uploads/2021.txt"));
    h.invoke(Harness.removedEvent(h.bucket, "uploads/2021.txt", "marker-2021", true));
    assertNull(h.store.head(Identity.reportId(agency, 2021)).orElse(null));
    assertEquals(List.of(), Findings.read(h.store.head(h2022.reportId()).orElseThrow().crossFindings()));
    h.assertSummariesExact();
  }

  @Test
  void sectionTextsTooLargeForOneItemAreKeptWhole() throws Exception {
    Harness h = harness();
    StringBuilder text = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (text.length() < 600_000) {
      text.append((char) (0x4E00 + random.nextInt(0x5000)));
      if (random.nextInt(40) == 0) {
        text.append("。\n");
      }
    }
    String seed = SeedReports.text(SeedReports.XINXIANG_2022);
    int at = seed.indexOf("二、");
    byte[] big = (seed.substring(0, at) + text + "\n" + seed.substring(at)).getBytes(StandardCharsets.UTF_8);
    Report expected = read(big, "big.txt");
    h.deliver(h.upload("uploads/big.txt", big));
    ReportHead head = h.heads().get(0);
    ReportVersion version = h.store.version(head.reportId(), head.currentSha()).orElseThrow();
    assertTrue(version.bodyChunks() > 1, "stored in chunks");
    assertNull(version.body());
    Report stored = h.store.report(head.reportId()).orElseThrow();
    assertEquals(expected.sections(), stored.sections());
    assertTrue(stored.sections().overview().length() > 500_000);
    h.assertSummariesExact();
  }

  @Test
  void reportsOfAnOlderReaderAreReprocessedInBatchesWithoutDoubleCounting() throws Exception {
    // GIVEN reports written by an "older reader"
    Harness old = new Harness(backend(), backend().dynamo(), (bytes, name) -> {
      Report r = ReportReader.read(bytes, name);
      var s = r.source();
      return r.withSource(new nianbao.core.model.Source(s.name(), s.sha256(), s.format(), s.encoding(), "txt/0"));
    });
    old.deliverSeeds();
    Summary before = old.store.summary(null, null, null);
    assertTrue(old.store.processingVersions().contains(ReportReader.RULES_VERSION + "|txt/0"));

    // WHEN the current code re-processes them, two at a time, in runs that stop after a few reports
    Ingest current = old.ingestWith(ReportParser.CORE);
    Reprocessor reprocessor = new Reprocessor(current);
    int[] budget = {2};
    Reprocessor.Progress p = reprocessor.run(2, null, () -> budget[0]-- > 0);
    assertNotNull(p.cursor(), "stopped early with a cursor");
    int examined = p.examined();
    while (p.cursor() != null) {
      p = reprocessor.run(2, p.cursor(), () -> true);
      examined += p.examined();
    }
    // THEN every head carries the current reader, and the summaries are those of the same reports
    assertEquals(5, examined);
    for (ReportHead head : old.heads()) {
      assertEquals("txt/2", head.reader(), head.reportId() + " " + head.key() + " " + p);
      assertTrue(Reprocessor.isCurrent(head.procKey()));
    }
    assertEquals(before.reports(), old.store.summary(null, null, null).reports());
    assertEquals(0, reprocessor.run(2, null, () -> true).examined());
    old.assertSummariesExact();
  }

  @Test
  void aReprocessedSourceThatNowReadsAsAnotherReportMovesThereAndLeavesNothingBehind() throws Exception {
    // GIVEN a report an "older reader" gave the wrong year (one less), and another report for that wrong year
    Harness old = new Harness(backend(), backend().dynamo(), (bytes, name) -> {
      Report r = ReportReader.read(bytes, name);
      var s = r.source();
      Report misread = name.endsWith("misread.txt") ? new Report(r.schemaVersion(), r.source(), r.title(), r.agency(),
          r.year() - 1, r.template(), r.region(), r.sections(), r.proactive(), r.applications(),
          r.reviewAndLitigation(), r.findings()) : r;
      return misread.withSource(new nianbao.core.model.Source(s.name(), s.sha256(), s.format(), s.encoding(),
          "txt/0"));
    });
    Harness.Uploaded misread = old.upload("uploads/misread.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    old.deliver(misread);
    Report truth = read(SeedReports.bytes(SeedReports.XINXIANG_2022), "x");
    Identity right = Identity.of(truth, truth.source().sha256());
    String wrongId = Identity.reportId(right.agencyKey(), truth.year() - 1);
    assertEquals(truth.year() - 1, old.store.head(wrongId).orElseThrow().year());
    long reportsBefore = old.store.summary(null, null, null).reports();

    // WHEN the current reader re-processes it
    Reprocessor.Progress p = new Reprocessor(old.ingestWith(ReportParser.CORE)).run(10, null, () -> true);

    // THEN it is the right year's report, the wrong one is gone from the lists and the summaries, nothing doubled
    assertEquals(1, p.examined());
    assertEquals(0, p.failed());
    ReportHead moved = old.store.head(right.reportId()).orElseThrow();
    assertEquals(truth.year(), moved.year());
    assertEquals("txt/2", moved.reader());
    assertTrue(old.store.head(wrongId).isEmpty(), "the misread report left");
    assertEquals(reportsBefore, old.store.summary(null, null, null).reports());
    assertEquals(0, old.store.summary(truth.year() - 1, null, null).reports());
    assertEquals(1, old.store.summary(truth.year(), null, null).reports());
    assertEquals(List.of(right.reportId()), old.heads().stream().map(ReportHead::reportId).toList());
    old.assertSummariesExact();
  }

  @Test
  void summariesRebuiltFromTheReportsAreExactAgainAfterTheyWentWrong() throws Exception {
    // GIVEN the seeds stored and then the summaries damaged: a counter lost, a stray one, a scope with no report
    Harness h = harness();
    h.deliverSeeds();
    List<String> versions = h.store.processingVersions();
    String province = nianbao.store.item.Keys.summary(2022, "河南省", null);
    var key = (java.util.function.Function<String, java.util.Map<String, software.amazon.awssdk.services.dynamodb.model
        .AttributeValue>>) pk -> java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
        .fromS(pk), "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("SUM"));
    h.dynamo.updateItem(r -> r.tableName(h.table).key(key.apply(province))
        .updateExpression("REMOVE #c ADD #r :five").expressionAttributeNames(java.util.Map.of("#c",
            "city.河南省/新乡市", "#r", "rule.B1"))
        .expressionAttributeValues(java.util.Map.of(":five",
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("5"))));
    java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stray =
        new java.util.HashMap<>(key.apply(nianbao.store.item.Keys.summary(2031, "河北省", null)));
    stray.put("reports", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("3"));
    h.dynamo.putItem(r -> r.tableName(h.table).item(stray));
    assertThrows(AssertionError.class, h::assertSummariesExact, "the damage shows");

    // WHEN the summaries are rebuilt, as an operator invokes the function
    String answer = h.operate("{\"action\":\"rebuildSummaries\"}");

    // THEN every summary is the sum over the current reports again, the stray scope is gone, versions kept
    assertTrue(answer.contains("\"reports\":5") && answer.contains("\"removed\":1"), answer);
    h.assertSummariesExact();
    assertEquals(0, h.store.summary(2031, "河北省", null).reports());
    assertEquals(versions, h.store.processingVersions());
    assertFalse(h.store.summary(2022, "河南省", null).byCity().isEmpty());
    String again = h.operate("{\"action\":\"rebuildSummaries\"}");
    assertTrue(again.contains("\"removed\":0"), again);
    h.assertSummariesExact();
  }

  @Test
  void theDeadLetterQueueIsRedrivenThroughIngestAndWhatFailsAgainStaysThere() {
    // GIVEN an upload whose event ended in the on-failure destination (the invocation record Lambda writes), and a
    // message that is no event at all
    Harness h = harness();
    SqsClient sqs = backend().sqs();
    String queue = sqs.createQueue(r -> r.queueName("dlq-" + h.table)).queueUrl();
    Harness.Uploaded u = h.upload("uploads/failed.txt", SeedReports.bytes(SeedReports.XINXIANG_2022));
    String event = new String(Harness.createdEvent(h.bucket, u), StandardCharsets.UTF_8);
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"version\":\"1.0\",\"timestamp\":\"2026-01-01T00:00:00Z\","
        + "\"requestContext\":{\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},"
        + "\"requestPayload\":" + event + ",\"responseContext\":{\"statusCode\":200,\"functionError\":\"Unhandled\"}}"));
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("not json"));
    // WHEN an operator redrives the queue through the operations function
    String answer = Harness.invoke(new OperationsHandler(h.ingest, () -> sqs, queue),
        "{\"action\":\"redrive\"}".getBytes(StandardCharsets.UTF_8));
    // THEN the report is stored and its message deleted; the other failed and stays in the queue, out of sight
    assertEquals("{\"received\":2,\"redriven\":1,\"failed\":1}", answer);
    assertEquals(1, h.heads().size());
    var left = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    assertEquals("0", left.get("ApproximateNumberOfMessages"));
    assertEquals("1", left.get("ApproximateNumberOfMessagesNotVisible"));
    h.assertSummariesExact();
  }

  @Test
  void everyListFilterCombinationAnswersTheSeeds() throws Exception {
    Harness h = harness();
    h.deliverSeeds();
    assertEquals(3, all(h, new ListFilter(2022, null, null, null, null, null)).size());
    assertEquals(5, all(h, new ListFilter(null, "河南省", null, null, null, null)).size());
    assertEquals(3, all(h, new ListFilter(null, "河南省", "新乡市", null, null, null)).size());
    assertEquals(3, all(h, new ListFilter(2022, "河南省", "新乡市", null, null, null)).size());
    assertEquals(1, all(h, new ListFilter(2022, "河南省", "新乡市", null, null, "县人民")).size());
    assertEquals(1, all(h, new ListFilter(null, null, null, null, null, "新乡县")).size());
    List<ReportRow> newest = all(h, ListFilter.none());
    assertEquals(2024, newest.get(0).year(), "newest year first");
    int valid = all(h, new ListFilter(null, null, null, "VALID", null, null)).size();
    int errors = all(h, new ListFilter(null, null, null, "HAS_ERRORS", null, null)).size();
    assertEquals(5, valid + errors);
    for (String rule : h.store.summary(null, null, null).reportsByRule().keySet()) {
      assertEquals(h.store.summary(null, null, null).reportsByRule().get(rule).intValue(),
          all(h, new ListFilter(null, null, null, null, rule, null)).size(), rule);
    }
    // province with status was refused before lists took any combination (issue 15)
    assertEquals(all(h, new ListFilter(null, null, null, "VALID", null, null)).stream()
        .filter(r -> "河南省".equals(r.province())).toList(),
        all(h, new ListFilter(null, "河南省", null, "VALID", null, null)));
    assertThrows(IllegalArgumentException.class,
        () -> h.store.list(new ListFilter(null, null, "新乡市", null, null, null), 10, null), "a city needs its province");
    assertThrows(IllegalArgumentException.class, () -> h.store.list(ListFilter.none(), 10, "not-a-cursor"));
  }

  private static List<ReportRow> all(Harness h, ListFilter f) {
    List<ReportRow> rows = new ArrayList<>();
    String cursor = null;
    do {
      var page = h.store.list(f, 2, cursor);
      rows.addAll(page.items());
      cursor = page.cursor();
    } while (cursor != null);
    return rows;
  }
}

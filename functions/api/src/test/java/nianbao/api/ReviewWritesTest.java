package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import nianbao.core.model.Source;
import nianbao.store.Identity;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import nianbao.store.write.WriteResult;
import org.junit.jupiter.api.Test;

/**
 * Review writes on DynamoDB Local: concurrent decisions on one report all land (each is decided again on the
 * report as it is when its transaction loses a race), and a review write costs the same requests however many
 * reports are stored. Reports made in code with as many findings as needed, stored through the one write path.
 */
class ReviewWritesTest {
  static final Region XINXIANG = new Region("410721", "河南省", "新乡市", "新乡县");

  /** A report of {@code agency} with {@code n} warnings, each at its own cell. */
  static Report report(String agency, int year, int n) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      findings.add(Finding.warning("X1", Location.cell("三", "row" + i, "total"), "文中数字与表格不符", i, i + 1));
    }
    String sha = ReportReader.sha256((agency + year).getBytes(StandardCharsets.UTF_8));
    return new Report(Report.SCHEMA_VERSION, new Source(agency + ".txt", sha, "txt", "UTF-8", "txt/1"),
        agency + year + "年政府信息公开工作年度报告", agency, year, Report.TEMPLATE_2021, XINXIANG,
        new Sections(null, null, null), null, Applications.blank(), null, findings);
  }

  static String store(ReportWriter writer, Report r, int n) {
    writer.store(r, new UploadedObject("b", "k" + n + ".txt", null, "e" + n, 1L, String.format("%016d", n),
        Instant.parse("2026-01-10T08:00:00Z").plusSeconds(n)));
    return Identity.of(r, r.source().sha256()).reportId();
  }

  @Test
  void fiftyConcurrentReviewsOfOneReportLoseNone() throws Exception {
    ApiStack stack = new ApiStack();
    ReportWriter writer = new ReportWriter(stack.store);
    String id = store(writer, report("并发审核测试局", 2022, 50), 1);
    List<String> fingerprints = new ArrayList<>();
    stack.get("/reports/" + id + "/findings").json().path("findings")
        .forEach(f -> fingerprints.add(f.path("fingerprint").asText()));
    assertEquals(50, fingerprints.size());

    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiStack.Call>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String fp = fingerprints.get(i);
      String decision = i % 2 == 0 ? "dismissed" : "confirmed";
      calls.add(pool.submit(() -> {
        start.await();
        return stack.call("PUT", "/reports/" + id + "/findings/" + fp + "/review",
            Map.of("Content-Type", "application/json"), "{\"decision\":\"" + decision + "\",\"reason\":\"并发\"}");
      }));
    }
    start.countDown();
    for (Future<ApiStack.Call> c : calls) {
      assertEquals(200, c.get().status(), c.get().body());
    }
    pool.shutdown();

    JsonNode findings = stack.get("/reports/" + id + "/findings").json();
    Map<String, Integer> states = new TreeMap<>();
    findings.path("findings").forEach(f -> states.merge(f.path("review").path("state").asText(), 1, Integer::sum));
    assertEquals(Map.of("confirmed", 25, "dismissed", 25), states);
    assertEquals(25, findings.path("warnings").asInt());
    assertEquals(50, findings.path("asRead").path("warnings").asInt());
    assertEquals(51, findings.path("revision").asInt(), "one revision per decision, none lost");
    assertEquals(25, stack.get("/summary").json().path("warnings").asInt());
  }

  @Test
  void aReviewWriteCostsTheSameRequestsAtTenAndAtTwoHundredStoredReports() {
    ApiStack stack = new ApiStack();
    ReportWriter writer = new ReportWriter(stack.store);
    String id = store(writer, report("请求计数测试局", 2022, 3), 0);
    fill(writer, 1, 10);
    Map<String, Long> atTen = reviewRequests(stack, writer, id, 0);
    fill(writer, 10, 200);
    Map<String, Long> atTwoHundred = reviewRequests(stack, writer, id, 1);
    System.out.println("DynamoDB requests of one review write at 10 stored reports: " + atTen + "; at 200: "
        + atTwoHundred);
    assertEquals(atTen, atTwoHundred);
    assertEquals(Map.of("BatchGetItem", 1L, "GetItem", 1L, "TransactWriteItems", 1L), atTen);
  }

  @Test
  void aDecisionACorrectionAndAVersionChoiceCostTheSameRequestsAtTenAndAtThreeHundredStoredReports()
      throws Exception {
    ApiStack stack = new ApiStack();
    ReviewCostBench.Measured m = ReviewCostBench.Measured.store(stack);
    StoredReportsFill fill = new StoredReportsFill(stack, report("填充机关", 2022, 2));
    fill.fillTo(10 - ReviewCostBench.Measured.REPORTS);
    Map<String, Map<String, Long>> atTen = requests(m.measure());
    fill.fillTo(300 - ReviewCostBench.Measured.REPORTS);
    assertEquals(200, stack.get("/reports/" + String.format("f%015x", 296) + "-2022").status(), "a filled report");
    assertEquals(3, stack.get("/reports?agency=" + ApiStack.enc("填充机关") + "&limit=3").json().path("items").size(),
        "filled reports are listed");
    Map<String, Map<String, Long>> atThreeHundred = requests(m.measure());
    System.out.println("DynamoDB requests at 10 stored reports: " + atTen + "; at 300: " + atThreeHundred);
    assertEquals(atTen, atThreeHundred);
    assertEquals(Map.of("BatchGetItem", 1L, "GetItem", 1L, "TransactWriteItems", 1L),
        atTen.get("review decision (确认/驳回)"));
  }

  private static Map<String, Map<String, Long>> requests(Map<String, ReviewCostBench.Cost> costs) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    costs.forEach((write, cost) -> out.put(write, cost.requests()));
    return out;
  }

  static void fill(ReportWriter writer, int from, int to) {
    for (int i = from; i < to; i++) {
      store(writer, report("填充机关" + i, 2022, 1), 1000 + i);
    }
  }

  /** The requests of one review decision (the write alone, not the answer's reads). */
  static Map<String, Long> reviewRequests(ApiStack stack, ReportWriter writer, String id, int finding) {
    String fp = nianbao.core.review.FindingReviews.identify(stack.store.findings(id)).get(finding).fingerprint();
    stack.dynamoRequests.clear();
    ReportWriter.Outcome o = writer.apply(new Change.Review(id, fp, "dismissed", "计数", "local", null));
    assertEquals(WriteResult.REVIEWED, o.result());
    assertTrue(o.attempts() == 1);
    Map<String, Long> out = new TreeMap<>();
    stack.dynamoRequests.forEach((op, n) -> out.put(op, n.get()));
    return out;
  }
}

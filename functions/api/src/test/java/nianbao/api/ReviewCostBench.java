package nianbao.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nianbao.core.ReportReader;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Source;
import nianbao.servers.CapacityCounter;
import nianbao.store.ReportStore;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * A program, not a test: what a review decision, a correction and a version choice cost in DynamoDB — requests by
 * operation and the capacity units DynamoDB Local reports (ReturnConsumedCapacity TOTAL) — with 10, 1,000 and
 * 10,000 reports stored. It stays flat because a review write reads its report's items and its neighbours' by key
 * and writes one transaction; nothing it does grows with the table. The measured report has two versions and both
 * neighbouring years; the table is filled with {@link StoredReportsFill}. {@code ReviewWritesTest} asserts the
 * request counts equal at 10 and 300. Run as LoadBench is run (functions/api/README.md), class
 * {@code nianbao.api.ReviewCostBench [sizes…]} (default 10 1000 10000).
 */
public final class ReviewCostBench {
  static final String AGENCY = "请求计数测试局";

  private ReviewCostBench() {}

  /** The requests by operation and the capacity units of one write. */
  record Cost(Map<String, Long> requests, double readUnits, double writeUnits) {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes.addAll(List.of(10, 1_000, 10_000));
    }
    ApiStack stack = new ApiStack();
    Measured m = Measured.store(stack);
    StoredReportsFill fill = new StoredReportsFill(stack, ReviewWritesTest.report("填充机关", 2022, 2));
    Map<Integer, Map<String, Cost>> bySize = new LinkedHashMap<>();
    for (int size : sizes) {
      long t0 = System.nanoTime();
      fill.fillTo(size - Measured.REPORTS);
      System.out.printf("%,d reports stored (filled in %.0f s)%n", size, (System.nanoTime() - t0) / 1e9);
      bySize.put(size, m.measure());
    }
    System.out.println("| write | " + String.join(" | ", sizes.stream().map(n -> String.format("%,d reports", n))
        .toList()) + " |");
    System.out.println("|---|" + "---|".repeat(sizes.size()));
    for (String write : bySize.values().iterator().next().keySet()) {
      StringBuilder row = new StringBuilder("| " + write + " |");
      bySize.values().forEach(costs -> row.append(' ').append(cell(costs.get(write))).append(" |"));
      System.out.println(row);
    }
    boolean flat = bySize.values().stream().map(c -> c.entrySet().stream().map(e -> e.getKey() + e.getValue()
        .requests()).toList()).distinct().count() == 1;
    System.out.println(flat ? "requests flat" : "requests NOT FLAT");
    System.exit(0);
  }

  private static String cell(Cost c) {
    long total = c.requests().values().stream().mapToLong(Long::longValue).sum();
    return total + " (" + String.join(", ", c.requests().entrySet().stream().map(e -> e.getValue() > 1
        ? e.getKey() + " ×" + e.getValue() : e.getKey()).toList()) + "); " + String.format("%.1f RCU, %.1f WCU",
        c.readUnits(), c.writeUnits());
  }

  /**
   * The measured agency: 2021, 2022 (two versions, the second current, four warnings each) and 2023, written
   * through a client that counts requests and asks for the consumed capacity.
   */
  static final class Measured {
    /** The reports of the measured agency. */
    static final int REPORTS = 3;

    final CapacityCounter counter = new CapacityCounter();
    final ReportWriter writer;
    final ReportStore store;
    final String id;
    final String v1;
    final String v2;

    private Measured(ApiStack stack) {
      DynamoDbClient counted = DynamoDbClient.builder()
          .endpointOverride(stack.dynamo.serviceClientConfiguration().endpointOverride().orElseThrow())
          .region(stack.dynamo.serviceClientConfiguration().region())
          .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
              software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
          .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
          .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
          .build();
      store = new ReportStore(counted, stack.table);
      writer = new ReportWriter(store);
      Report first = ReviewWritesTest.report(AGENCY, 2022, 4);
      Report second = withSha(first, "第二版");
      ReviewWritesTest.store(writer, ReviewWritesTest.report(AGENCY, 2021, 4), 1);
      ReviewWritesTest.store(writer, ReviewWritesTest.report(AGENCY, 2023, 4), 2);
      id = ReviewWritesTest.store(writer, first, 3);
      ReviewWritesTest.store(writer, second, 4);
      v1 = first.source().sha256();
      v2 = second.source().sha256();
    }

    static Measured store(ApiStack stack) {
      return new Measured(stack);
    }

    /** Each write alone, the report as it was at the end. */
    Map<String, Cost> measure() {
      Map<String, Cost> out = new LinkedHashMap<>();
      String fp = nianbao.core.review.FindingReviews.identify(store.findings(id)).get(0).fingerprint();
      out.put("review decision (确认/驳回)", cost(WriteResult.REVIEWED, new Change.Review(id, fp, "dismissed", "计数",
          "local", null)));
      out.put("review withdrawn", cost(WriteResult.REVIEWED, new Change.Review(id, fp, null, null, "local", null)));
      Location cell = Location.cell("三", "granted", "total");
      out.put("correction", cost(WriteResult.CORRECTED, new Change.Correct(id, cell, "7", "计数", "local", null)));
      String cid = nianbao.store.review.ReviewState.of(store.review(id)).corrections().get(0).id();
      out.put("correction withdrawn", cost(WriteResult.CORRECTED, new Change.Uncorrect(id, cid, "local", null)));
      out.put("version choice (设为当前版本)", cost(WriteResult.CURRENT_CHOSEN, new Change.ChooseVersion(id, v1,
          "local", null)));
      cost(WriteResult.CURRENT_CHOSEN, new Change.ChooseVersion(id, v2, "local", null));
      return out;
    }

    private Cost cost(WriteResult expected, Change change) {
      counter.clear();
      ReportWriter.Outcome o = writer.apply(change);
      if (o.result() != expected || o.attempts() != 1) {
        throw new IllegalStateException(change + ": " + o.result() + " in " + o.attempts() + " attempts");
      }
      return new Cost(counter.requests(), counter.readUnits(), counter.writeUnits());
    }
  }

  /** Another version of {@code r}: the same report with other bytes. */
  static Report withSha(Report r, String salt) {
    Source s = r.source();
    return new Report(r.schemaVersion(), new Source(s.name(), ReportReader.sha256((s.sha256() + salt)
        .getBytes(StandardCharsets.UTF_8)), s.format(), s.encoding(), s.reader()), r.title(), r.agency(), r.year(),
        r.template(), r.region(), r.sections(), r.proactive(), r.applications(), r.reviewAndLitigation(),
        r.findings());
  }

  /** The requests by operation of {@code write} through the stack's own clients. */
  static Map<String, Long> counted(ApiStack stack, Runnable write) {
    stack.dynamoRequests.clear();
    write.run();
    Map<String, Long> out = new TreeMap<>();
    stack.dynamoRequests.forEach((op, c) -> out.put(op, c.get()));
    return out;
  }
}

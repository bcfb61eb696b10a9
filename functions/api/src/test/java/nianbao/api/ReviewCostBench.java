package nianbao.api;

import java.util.Map;
import java.util.TreeMap;
import nianbao.store.write.ReportWriter;

/**
 * A program, not a test: the DynamoDB requests of review writes (a decision, a correction, and their
 * withdrawals) with 10 and with N (default 10,000) reports stored, on DynamoDB Local — the count stays flat because
 * a review write reads only its report's items and its neighbours by key. {@code ReviewWritesTest} asserts the same
 * at 10 and 200. Run as LoadBench is run (functions/api/README.md), class {@code nianbao.api.ReviewCostBench [N]}.
 */
public final class ReviewCostBench {
  private ReviewCostBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    ApiStack stack = new ApiStack();
    ReportWriter writer = new ReportWriter(stack.store);
    String id = ReviewWritesTest.store(writer, ReviewWritesTest.report("请求计数测试局", 2022, 4), 0);
    LoadBench.fill(stack, 9);
    Map<String, Map<String, Long>> atTen = measure(stack, writer, id, 0);
    long t0 = System.nanoTime();
    LoadBench.fill(stack, n - 1);
    System.out.printf("filled to %d reports in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
    Map<String, Map<String, Long>> atN = measure(stack, writer, id, 2);
    System.out.println("DynamoDB requests per review write at 10 reports:  " + atTen);
    System.out.println("DynamoDB requests per review write at " + n + " reports: " + atN);
    System.out.println(atTen.equals(atN) ? "flat" : "NOT FLAT");
    System.exit(0);
  }

  /** The requests of a decision, its withdrawal, a correction and its withdrawal, each alone. */
  static Map<String, Map<String, Long>> measure(ApiStack stack, ReportWriter writer, String id, int finding) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    out.put("1 review", ReviewWritesTest.reviewRequests(stack, writer, id, finding));
    String fp = nianbao.core.review.FindingReviews.identify(stack.store.findings(id)).get(finding).fingerprint();
    out.put("2 withdraw review", counted(stack, () -> writer.apply(new nianbao.store.write.Change.Review(id, fp, null,
        null, "local", null))));
    nianbao.core.model.Location cell = nianbao.core.model.Location.cell("三", "granted", "total");
    out.put("3 correction", counted(stack, () -> writer.apply(new nianbao.store.write.Change.Correct(id, cell,
        String.valueOf(7 + finding), "计数", "local", null))));
    String cid = nianbao.store.review.ReviewState.of(stack.store.review(id)).corrections().get(0).id();
    out.put("4 withdraw correction", counted(stack, () -> writer.apply(new nianbao.store.write.Change.Uncorrect(id,
        cid, "local", null))));
    return out;
  }

  static Map<String, Long> counted(ApiStack stack, Runnable write) {
    stack.dynamoRequests.clear();
    write.run();
    Map<String, Long> out = new TreeMap<>();
    stack.dynamoRequests.forEach((op, c) -> out.put(op, c.get()));
    return out;
  }
}

package nianbao.local.stack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nianbao.fixtures.SeedReports;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Latency program (not a test: a time is the machine's, and under other builds' load it says nothing about the
 * code): how long after an upload to the local stack's bucket the report is visible in the API — once from the
 * moment `aws s3 cp` returns, then for {@code count} uploads through the SDK. Prints each time and the median.
 *
 * <p>Run as infrastructure/local/README.md says; argument: uploads (5).
 */
public final class UploadLatency {
  private UploadLatency() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path root = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();
    try (TemplateRunner stack = TemplateRunner.start(StackOptions.throwaway(root, root.resolve("template.yaml")))) {
      Path seed = SeedReports.files().get(2);
      AwsCli.run(stack.s3Endpoint(), "s3", "cp", seed.toString(),
          "s3://" + stack.reportsBucket() + "/uploads/latency/cli.txt");
      long cliDone = System.nanoTime();
      awaitIngested(stack, "uploads/latency/cli.txt");
      System.out.println("aws s3 cp returned → visible in the API: " + (System.nanoTime() - cliDone) / 1_000_000
          + " ms");
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = "uploads/latency/" + i + "-" + seed.getFileName();
        long t0 = System.nanoTime();
        stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key(key), RequestBody.fromFile(seed));
        awaitIngested(stack, key);
        millis.add((System.nanoTime() - t0) / 1_000_000);
      }
      List<Long> sorted = millis.stream().sorted().toList();
      System.out.println("upload → visible in the API (ms): " + millis + ", median " + sorted.get(sorted.size() / 2));
    }
  }

  private static void awaitIngested(TemplateRunner stack, String key) {
    Http.await(stack.apiUrl() + "/uploads/status?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
        s -> s.path("state").asText().equals("INGESTED"), Duration.ofSeconds(60));
  }
}

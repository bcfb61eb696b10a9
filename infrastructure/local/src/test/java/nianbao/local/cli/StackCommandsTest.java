package nianbao.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import nianbao.fixtures.SeedReports;
import nianbao.local.stack.AwsCli;
import nianbao.local.stack.StackOptions;
import nianbao.local.stack.TemplateRunner;
import nianbao.servers.S3Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upload, reprocess and redrive against a running local stack, found through its stack.json as a user's would be. */
class StackCommandsTest {
  static final Path ROOT = Path.of(System.getProperty("nianbao.root", "../.."));

  @TempDir
  Path state;
  @TempDir
  Path files;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The stored items other than summaries, briefly, and the bucket's object versions: for a failure's message. */
  private static String stored(TemplateRunner stack) {
    StringBuilder b = new StringBuilder("items:\n");
    try (var dynamo = stack.dynamoClient(); var s3 = stack.s3Client()) {
      dynamo.scanPaginator(r -> r.tableName(stack.table())).items().forEach(item -> {
        if (!"SUM".equals(item.get("sk").s())) {
          for (String name : List.of("pk", "sk", "status", "key", "versionId", "eTag", "reportId", "sequencer")) {
            if (item.containsKey(name)) {
              b.append(name).append('=').append(item.get(name).s()).append(' ');
            }
          }
          b.append('\n');
        }
      });
      b.append("object versions:\n");
      s3.listObjectVersionsPaginator(r -> r.bucket(stack.reportsBucket())).versions().forEach(v ->
          b.append(v.key()).append(' ').append(v.versionId()).append(' ').append(v.eTag()).append('\n'));
    }
    return b.toString();
  }

  @Test
  void withoutARunningStackTheCommandsSaySoAndFail() {
    assertEquals(3, run("upload", "--data", state.toString(), ROOT.resolve("README.md").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("./nianbao serve"), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void uploadWaitsForEachFileAndReprocessRedriveAndRebuildInvokeTheIngestFunction() throws Exception {
    Path seed = Files.write(files.resolve("新乡县 2022.txt"), SeedReports.bytes(SeedReports.XINXIANG_2022));
    Files.writeString(files.resolve("poem.txt"), "床前明月光，疑是地上霜。\n");
    StackOptions options = StackOptions.throwaway(ROOT, ROOT.resolve("template.yaml")).state(state);
    try (TemplateRunner stack = TemplateRunner.start(options)) {
      // WHEN a folder with a report and a non-report is uploaded
      int status = run("upload", "--data", state.toString(), files.toString());
      // THEN each file gets one line with what ingest made of it; a rejected file makes the status 2
      String printed = out.toString(StandardCharsets.UTF_8);
      List<String> lines = printed.lines().toList();
      assertEquals(2, lines.size(), printed + err.toString(StandardCharsets.UTF_8));
      String report = lines.stream().filter(l -> l.contains("新乡县 2022.txt")).findFirst().orElseThrow();
      assertTrue(report.contains("VALID") && report.contains("新乡县人民政府") && report.contains("错误 0"), report);
      String poem = lines.stream().filter(l -> l.contains("poem.txt")).findFirst().orElseThrow();
      assertTrue(poem.contains("REJECTED"), poem);
      assertEquals(2, status);

      assertEquals(0, run("reprocess", "--data", state.toString()), err.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"examined\""));
      assertEquals(0, run("redrive", "--data", state.toString()), err.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"received\":0"));
      // the report and the rejected poem, counted again into their summaries
      assertEquals(0, run("rebuild-summaries", "--data", state.toString()), err.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"reports\":2,"), () -> out.toString(StandardCharsets.UTF_8)
          + "\n" + stored(stack));

      // GIVEN an upload's event in the dead-letter queue, as Lambda's on-failure destination writes it
      String dlq = stack.queueUrls().values().iterator().next();
      String event = S3Events.json(new S3Events.ObjectEvent("ObjectCreated:Put", "us-east-1", stack.reportsBucket(),
          "uploads/新乡县 2022.txt", Files.size(seed), null, null, S3Events.nextSequencer(), Instant.now()));
      String record = "{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\"},"
          + "\"requestPayload\":" + event + "}";
      Path message = Files.writeString(files.resolve("message.json"), record);
      AwsCli.run(stack.servicesEndpoint(), "sqs", "send-message", "--queue-url", dlq,
          "--message-body", "file://" + message);
      // WHEN it is redriven THEN the real ingest function takes it from the queue through SQS and applies it
      assertEquals(0, run("redrive", "--data", state.toString()), err.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"received\":1,\"redriven\":1"),
          out.toString(StandardCharsets.UTF_8));
      String left = AwsCli.run(stack.servicesEndpoint(), "sqs", "get-queue-attributes", "--queue-url", dlq,
          "--attribute-names", "All");
      assertTrue(left.contains("\"ApproximateNumberOfMessages\": \"0\""), left);
    }
  }
}

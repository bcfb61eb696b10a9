package nianbao.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nianbao.core.json.JsonTree;
import nianbao.core.settings.Settings;
import nianbao.store.ReportLedger;
import nianbao.store.SummaryRebuild;

/**
 * The ingest function (template.yaml names this class). It only parses the invocation and calls {@link Ingest}:
 * <ul>
 *   <li>an S3 event notification ({@code Records}) — what the reports bucket sends;</li>
 *   <li>{@code {"action":"reprocess","batchSize":50,"cursor":…}} — re-read reports of older reader/rule versions;</li>
 *   <li>{@code {"action":"redrive"}} — send the dead-letter queue back through ingest;</li>
 *   <li>{@code {"action":"rebuildSummaries"}} — write every summary again from the current reports (uploads
 *   paused; see {@link SummaryRebuild}).</li>
 * </ul>
 * A failure of any S3 record fails the invocation, so that Lambda retries the event and, if it keeps failing,
 * puts it into the dead-letter queue.
 */
public final class IngestHandler implements RequestStreamHandler {
  /** Batch work stops this long before the function's timeout. */
  static final long SAFETY_MILLIS = 15_000;

  private final Ingest ingest;
  private final Environment env;

  /** Settings the template gives the function. */
  public record Environment(String tableName, String deadLetterQueueUrl, String reportsBucket) {
    public Environment(String tableName, String deadLetterQueueUrl) {
      this(tableName, deadLetterQueueUrl, null);
    }

    static Environment fromSystem() {
      Settings settings = Settings.system();
      return new Environment(settings.required("TABLE_NAME"), settings.get("DEAD_LETTER_QUEUE_URL").orElse(null),
          settings.get("REPORTS_BUCKET").orElse(null));
    }
  }

  /** Lambda's constructor: clients are built and the ingest path warmed here, once, during init ({@link Startup}). */
  public IngestHandler() {
    this(Environment.fromSystem());
  }

  private IngestHandler(Environment env) {
    this(Startup.ingest(env.tableName(), env.reportsBucket()), env);
  }

  public IngestHandler(Ingest ingest, Environment env) {
    this.ingest = ingest;
    this.env = env;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Object event = JsonTree.read(input);
    Map<String, Object> result = new LinkedHashMap<>();
    BooleanSupplier keepGoing = () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS;
    String action = JsonTree.text(event, "action");
    switch (action == null ? "" : action) {
      case "reprocess" -> {
        Reprocessor.Progress p = new Reprocessor(ingest).run(whole(event, "batchSize", 50),
            JsonTree.text(event, "cursor"), keepGoing);
        result.put("examined", p.examined());
        result.put("reprocessed", p.reprocessed());
        result.put("failed", p.failed());
        result.put("outdatedVersions", p.outdatedVersions());
        result.put("cursor", p.cursor());
      }
      case "rebuildSummaries" -> {
        SummaryRebuild.Result r = new SummaryRebuild(ingest.store()).run();
        result.put("reports", r.reports());
        result.put("written", r.written());
        result.put("removed", r.removed());
      }
      case "redrive" -> {
        if (env.deadLetterQueueUrl() == null) {
          throw new IllegalStateException("DEAD_LETTER_QUEUE_URL is not set");
        }
        Redriver.Progress p = new Redriver(AwsClients.sqs(), ingest).run(env.deadLetterQueueUrl(), keepGoing);
        result.put("received", p.received());
        result.put("redriven", p.redriven());
        result.put("failed", p.failed());
      }
      default -> {
        Object payload = JsonTree.member(event, "requestPayload");
        result.put("records", records(ingest.handle(S3Notification.parse(payload != null ? payload : event))));
      }
    }
    write(output, result);
  }

  private static List<Map<String, Object>> records(List<Ingest.RecordOutcome> outcomes) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Ingest.RecordOutcome o : outcomes) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("bucket", o.record().bucket());
      r.put("key", o.record().key());
      r.put("result", o.result() == null ? "IGNORED" : o.result().name());
      r.put("reportId", o.reportId());
      r.put("detail", o.detail());
      records.add(r);
    }
    return records;
  }

  private static void write(OutputStream output, Map<String, Object> answer) throws IOException {
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(output)) {
      JsonTree.write(g, answer);
    }
  }

  /** A whole-number member (a number, or digits in a string), or {@code missing}. */
  private static int whole(Object event, String name, int missing) {
    String v = JsonTree.text(event, name);
    try {
      return v == null ? missing : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + v, e);
    }
  }

  /**
   * Reads an S3 event and writes an answer to it as {@link #handleRequest} does, touching nothing else: part of
   * the cold start's warm-up ({@link Startup}).
   */
  static void warmUpJson() {
    String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
        + "\"eventTime\":\"2023-01-31T08:00:00.000Z\",\"s3\":{\"bucket\":{\"name\":\"" + Startup.WARM_UP + "\"},"
        + "\"object\":{\"key\":\"%E6%8A%A5%E5%91%8A+2022.txt\",\"size\":1,\"eTag\":\"e\",\"sequencer\":\"0A\"}}}]}";
    List<Ingest.RecordOutcome> outcomes = S3Notification.parse(JsonTree.read(event)).stream()
        .map(r -> new Ingest.RecordOutcome(r, ReportLedger.Result.UNCHANGED, Startup.WARM_UP, null)).toList();
    try {
      write(OutputStream.nullOutputStream(), Map.of("records", records(outcomes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

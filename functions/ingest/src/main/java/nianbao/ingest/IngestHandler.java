package nianbao.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BooleanSupplier;
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

  /** Loaded at the first event rather than with the class, so that its start-up cost overlaps {@link Startup}'s. */
  private static final class Events {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** Settings the template gives the function. */
  public record Environment(String tableName, String deadLetterQueueUrl, String reportsBucket) {
    public Environment(String tableName, String deadLetterQueueUrl) {
      this(tableName, deadLetterQueueUrl, null);
    }

    static Environment fromSystem() {
      String table = System.getenv("TABLE_NAME");
      if (table == null || table.isBlank()) {
        throw new IllegalStateException("TABLE_NAME is not set");
      }
      return new Environment(table, System.getenv("DEAD_LETTER_QUEUE_URL"), System.getenv("REPORTS_BUCKET"));
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
    JsonNode event = Events.JSON.readTree(input);
    ObjectNode result = Events.JSON.createObjectNode();
    BooleanSupplier keepGoing = () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS;
    String action = event == null ? "" : event.path("action").asText("");
    switch (action) {
      case "reprocess" -> {
        Reprocessor.Progress p = new Reprocessor(ingest).run(event.path("batchSize").asInt(50),
            event.hasNonNull("cursor") ? event.get("cursor").asText() : null, keepGoing);
        result.put("examined", p.examined()).put("reprocessed", p.reprocessed()).put("failed", p.failed());
        result.putPOJO("outdatedVersions", p.outdatedVersions());
        result.put("cursor", p.cursor());
      }
      case "rebuildSummaries" -> {
        SummaryRebuild.Result r = new SummaryRebuild(ingest.store()).run();
        result.put("reports", r.reports()).put("written", r.written()).put("removed", r.removed());
      }
      case "redrive" -> {
        if (env.deadLetterQueueUrl() == null) {
          throw new IllegalStateException("DEAD_LETTER_QUEUE_URL is not set");
        }
        Redriver.Progress p = new Redriver(AwsClients.sqs(), ingest).run(env.deadLetterQueueUrl(), keepGoing);
        result.put("received", p.received()).put("redriven", p.redriven()).put("failed", p.failed());
      }
      default -> {
        JsonNode s3Event = event != null && event.has("requestPayload") ? event.get("requestPayload") : event;
        List<Ingest.RecordOutcome> outcomes = ingest.handle(S3Notification.parse(s3Event == null
            ? Events.JSON.createObjectNode() : s3Event));
        ArrayNode records = result.putArray("records");
        for (Ingest.RecordOutcome o : outcomes) {
          ObjectNode r = records.addObject();
          r.put("bucket", o.record().bucket()).put("key", o.record().key());
          r.put("result", o.result() == null ? "IGNORED" : o.result().name());
          r.put("reportId", o.reportId());
          r.put("detail", o.detail());
        }
      }
    }
    Events.JSON.writeValue(output, result);
  }
}

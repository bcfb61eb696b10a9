package nianbao.ingest.operations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nianbao.core.json.JsonTree;
import nianbao.ingest.AwsClients;
import nianbao.ingest.FunctionEnvironment;
import nianbao.ingest.Ingest;
import nianbao.ingest.OcrHandOver;
import nianbao.ingest.ReportParser;
import nianbao.store.ReportStore;
import nianbao.store.SummaryRebuild;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The operations function (template.yaml's {@code OperationsFunction}, the upload function's jar): what an
 * operator runs on the stored reports, invoked synchronously by {@code ./nianbao reprocess|redrive|rebuild-summaries}
 * or {@code aws lambda invoke}:
 * <ul>
 *   <li>{@code {"action":"reprocess","batchSize":50,"cursor":…}} — re-read reports of older reader or rule
 *   versions ({@link Reprocessor});</li>
 *   <li>{@code {"action":"redrive"}} — the dead-letter queue back through ingest ({@link Redriver});</li>
 *   <li>{@code {"action":"rebuildSummaries"}} — every summary written again from the current reports (uploads
 *   paused; see {@link SummaryRebuild}).</li>
 * </ul>
 * Reprocess and redrive work in batches until {@link #SAFETY_MILLIS} before the function's timeout and say where
 * they stopped. Its init builds the clients and nothing more: its runs are long, and no upload waits for it.
 */
public final class OperationsHandler implements RequestStreamHandler {
  /** Batch work stops this long before the function's timeout. */
  static final long SAFETY_MILLIS = 15_000;

  private final Ingest ingest;
  private final Supplier<SqsClient> sqs;
  private final String deadLetterQueueUrl;

  /** Lambda's constructor. */
  public OperationsHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  private OperationsHandler(FunctionEnvironment env) {
    // scans go to the OCR function here too: a redriven OCR request (an S3 event) or a reprocessed scan resumes
    // there from its saved pages instead of being read, and refused, here
    this(new Ingest(AwsClients.s3Objects(), new ReportStore(AwsClients.dynamo(), env.tableName()),
        ReportParser.CORE).handingScansTo(env.ocrFunctionName() == null ? null
            : new OcrHandOver(env.ocrFunctionName())), AwsClients::sqs, env.deadLetterQueueUrl());
  }

  /** @param sqs the SQS client, asked for only by a redrive */
  public OperationsHandler(Ingest ingest, Supplier<SqsClient> sqs, String deadLetterQueueUrl) {
    this.ingest = ingest;
    this.sqs = sqs;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Object request = JsonTree.read(input);
    BooleanSupplier keepGoing = () -> context == null || context.getRemainingTimeInMillis() > SAFETY_MILLIS;
    String action = JsonTree.text(request, "action");
    Map<String, Object> result = new LinkedHashMap<>();
    switch (action == null ? "" : action) {
      case "reprocess" -> {
        Reprocessor.Progress p = new Reprocessor(ingest).run(whole(request, "batchSize", 50),
            JsonTree.text(request, "cursor"), keepGoing);
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
        result.put("listItems", r.listItems());
        result.put("reviewStates", r.reviewStates());
      }
      case "redrive" -> {
        if (deadLetterQueueUrl == null || deadLetterQueueUrl.isBlank()) {
          throw new IllegalStateException("DEAD_LETTER_QUEUE_URL is not set");
        }
        Redriver.Progress p = new Redriver(sqs.get(), ingest).run(deadLetterQueueUrl, keepGoing);
        result.put("received", p.received());
        result.put("redriven", p.redriven());
        result.put("failed", p.failed());
      }
      default -> throw new IllegalArgumentException((action == null ? "no \"action\"" : "unknown action \"" + action
          + "\"") + ": the operations function does reprocess, redrive or rebuildSummaries (S3 events go to the "
          + "upload function)");
    }
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(output)) {
      JsonTree.write(g, result);
    }
  }

  /** A whole-number member (a number, or digits in a string), or {@code missing}. */
  private static int whole(Object request, String name, int missing) {
    String v = JsonTree.text(request, name);
    try {
      return v == null ? missing : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + v, e);
    }
  }
}

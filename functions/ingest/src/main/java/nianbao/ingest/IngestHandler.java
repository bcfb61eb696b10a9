package nianbao.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nianbao.core.json.JsonTree;
import nianbao.telemetry.LogContext;
import nianbao.telemetry.Telemetry;
import nianbao.ingest.coldstart.ColdStart;

/**
 * The upload function (template.yaml's {@code IngestFunction}): an S3 event notification from the reports bucket
 * ({@code Records}; also inside an on-failure record's {@code requestPayload}, as redrive or an operator may pass
 * it) goes to {@link Ingest}, and the answer lists what became of each record ({@link IngestAnswer}). A failure
 * of any record fails the invocation, so that Lambda retries the event and, if it keeps failing, puts it into the
 * dead-letter queue. Operator actions are the operations function's ({@code nianbao.ingest.operations}).
 */
public final class IngestHandler implements RequestStreamHandler {
  private final Ingest ingest;

  /** Lambda's constructor: the clients are built and the upload path warmed up here, once ({@link ColdStart}). */
  public IngestHandler() {
    this(coldStart(FunctionEnvironment.fromSystem()));
  }

  private static Ingest coldStart(FunctionEnvironment env) {
    Telemetry.installJsonLogs(); // first: every line of the start-up and the SDK's is JSON with the request id
    // the PutObject client after the cold start, which has built the shared HTTP client
    Ingest ingest = ColdStart.ingest(env.tableName(), env.reportsBucket())
        .unpackingZipsWith(AwsClients.s3Objects()::put);
    return env.ocrFunctionName() == null ? ingest : ingest.handingScansTo(new OcrHandOver(env.ocrFunctionName()));
  }

  public IngestHandler(Ingest ingest) {
    this.ingest = ingest;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Object event = JsonTree.read(input);
    String action = JsonTree.text(event, "action");
    if (action != null) {
      // an operator's request sent to the wrong function would otherwise answer "no records" and do nothing
      throw new IllegalArgumentException("{\"action\":\"" + action + "\"} is for the operations function "
          + "(OperationsFunction; ./nianbao reprocess|redrive|rebuild-summaries), not the upload function");
    }
    Object payload = JsonTree.member(event, "requestPayload");
    try (LogContext.Scope scope = LogContext.with(LogContext.REQUEST_ID,
        context == null ? null : context.getAwsRequestId())) {
      IngestAnswer.write(output, ingest.handle(S3Notification.parse(payload != null ? payload : event)));
    }
  }
}

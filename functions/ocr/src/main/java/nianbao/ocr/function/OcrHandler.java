package nianbao.ocr.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nianbao.core.settings.Settings;
import nianbao.ocr.ScanInputs;
import nianbao.ocr.TesseractRecogniser;
import nianbao.store.ReportStore;
import nianbao.store.write.ReportWriter;
import nianbao.telemetry.LogContext;
import nianbao.telemetry.Metrics;
import nianbao.telemetry.Telemetry;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The OCR function (template.yaml's {@code OcrFunction}, a container image): one uploaded scan per invocation
 * ({@link OcrRequest}, handed over by ingest or by an earlier invocation of this function), read by {@link OcrJob}
 * as far as the invocation's time allows; a hand-off invokes this function again, asynchronously, with the same
 * scan. The answer says what became of it. A failure (a service unreachable) fails the invocation: Lambda retries
 * it, and the retry resumes from the saved pages.
 */
public final class OcrHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OcrJob job;

  /**
   * Lambda's constructor: clients from the SDK's standard settings, the table from {@code TABLE_NAME}, the time
   * kept for storing the report from {@code OCR_HANDOFF_RESERVE_SECONDS} (template parameter
   * OcrHandOffReserveSeconds).
   */
  public OcrHandler() {
    Telemetry.installJsonLogs();
    String table = Settings.system().required("TABLE_NAME");
    SdkHttpClient http = UrlConnectionHttpClient.create();
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).build();
    S3Client s3 = S3Client.builder().httpClient(http).forcePathStyle(Settings.system().awsEndpoint("S3").isPresent())
        .build();
    LambdaInvoker lambda = LambdaInvoker.fromStandardSettings(http);
    String self = Settings.system().required("AWS_LAMBDA_FUNCTION_NAME");
    this.job = new OcrJob(new S3Scans(s3), ScanInputs::pages, new TesseractRecogniser(),
        new SavedPages(dynamo, table), new ReportWriter(new ReportStore(dynamo, table)),
        next -> lambda.invokeAsync(self, next.toJson()), Metrics.forFunction("ocr"),
        Settings.system().get("OCR_HANDOFF_RESERVE_SECONDS").map(s -> Long.parseLong(s) * 1000)
            .orElse(OcrJob.RESERVE_MILLIS));
  }

  public OcrHandler(OcrJob job) {
    this.job = job;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    OcrRequest request = OcrRequest.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
    try (LogContext.Scope scope = LogContext.with(LogContext.REQUEST_ID,
        context == null ? null : context.getAwsRequestId());
        LogContext.Scope key = LogContext.with(LogContext.SOURCE_KEY, request.upload().key())) {
      OcrJob.Outcome o = job.run(request, () -> context == null ? Long.MAX_VALUE
          : context.getRemainingTimeInMillis());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("key", request.upload().key());
      answer.put("result", o.result().toString());
      answer.put("reportId", o.reportId());
      answer.put("pages", o.pages());
      answer.put("recognised", o.recognised());
      answer.put("handoff", request.handoff());
      answer.put("detail", o.detail());
      output.write(JSON.writeValueAsBytes(answer));
    }
  }
}

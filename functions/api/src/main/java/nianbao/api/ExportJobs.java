package nianbao.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nianbao.core.settings.Settings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Where an export that cannot finish within one HTTP answer goes on. In Lambda the function invokes itself
 * asynchronously (an event only Lambda can deliver: no API Gateway request context, route key
 * {@value #ROUTE_KEY}); elsewhere (tests, a handler embedded in a process) a background thread runs it.
 */
public interface ExportJobs {
  String ROUTE_KEY = "nianbao:export-job";

  /** One export: its id, {@code reports} or {@code findings}, and the filter as a raw query string. */
  record Job(String id, String kind, String rawQuery) {}

  /** Starts {@code job}; {@code inProcess} runs it here, for implementations that run it in this process. */
  void start(Job job, Runnable inProcess);

  /** A background thread of this process. */
  static ExportJobs inProcess() {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nianbao-export");
      t.setDaemon(true);
      return t;
    });
    return (job, run) -> pool.execute(run);
  }

  /**
   * An asynchronous invocation ({@code X-Amz-Invocation-Type: Event}) of the function {@code functionName} — this
   * one — with the job as its event: Lambda's Invoke API, one SigV4-signed POST to {@code endpoint} (the SDK's
   * lambda client is not published for the SDK version this build uses).
   */
  static ExportJobs lambda(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint,
      String functionName) {
    AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    return (job, run) -> {
      byte[] body = event(job).getBytes(StandardCharsets.UTF_8);
      SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
          .uri(endpoint.resolve("/2015-03-31/functions/"
              + URLEncoder.encode(functionName, StandardCharsets.UTF_8) + "/invocations"))
          .putHeader("X-Amz-Invocation-Type", "Event").putHeader("Content-Type", "application/json")
          .putHeader("Content-Length", Integer.toString(body.length)).build();
      SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
          .payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "lambda")
          .putProperty(AwsV4HttpSigner.REGION_NAME, region));
      try {
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
            .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        int status = response.httpResponse().statusCode();
        if (response.responseBody().isPresent()) {
          response.responseBody().get().close();
        }
        if (status != 202) {
          throw new IllegalStateException("Lambda did not accept the export job " + job.id() + ": HTTP " + status);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** As {@link #lambda(SdkHttpClient, AwsCredentialsProvider, String, URI, String)} with the SDK's settings. */
  static ExportJobs lambda(SdkHttpClient http, String region, String functionName) {
    URI uri = URI.create(Settings.system().awsEndpoint("Lambda")
        .orElse("https://lambda." + region + ".amazonaws.com"));
    return lambda(http, DefaultCredentialsProvider.builder().build(), region, uri, functionName);
  }

  /**
   * The job an event carries when it is this function's own asynchronous invocation ({@link #event}): API Gateway
   * always sends a request context, so HTTP cannot forge one.
   */
  static Optional<Job> fromEvent(APIGatewayV2HTTPEvent event) {
    if (event == null || event.getRequestContext() != null || !ROUTE_KEY.equals(event.getRouteKey())) {
      return Optional.empty();
    }
    String path = event.getRawPath() == null ? "" : event.getRawPath();
    String kind = event.getHeaders() == null ? null : event.getHeaders().get("x-nianbao-export");
    return Optional.of(new Job(path.substring(path.lastIndexOf('/') + 1), kind,
        event.getRawQueryString() == null ? "" : event.getRawQueryString()));
  }

  /** How long a job may read: until 15 s before the invocation's timeout, to record a failure (10 minutes outside). */
  static Duration budget(Context context) {
    long millis = context == null ? Duration.ofMinutes(10).toMillis() : context.getRemainingTimeInMillis() - 15_000L;
    return Duration.ofMillis(Math.max(1_000L, millis));
  }

  /** The event of a job's invocation: payload 2.0 fields, but no request context, which only API Gateway sets. */
  static String event(Job job) {
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", ROUTE_KEY);
    event.put("rawPath", "/export/jobs/" + job.id());
    event.put("rawQueryString", job.rawQuery());
    event.putObject("headers").put("x-nianbao-export", job.kind());
    event.put("isBase64Encoded", false);
    return Json.write(event);
  }
}

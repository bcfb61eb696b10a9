package nianbao.ocr.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import nianbao.core.settings.Settings;
import nianbao.store.Backoff;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Lambda's Invoke with {@code InvocationType: Event} (asynchronous: Lambda queues the payload and answers 202), and
 * nothing else of Lambda: one POST signed with the SDK's SigV4 signer, which the DynamoDB client loads anyway — the
 * SDK's Lambda client is not needed for one call, and the upload function, which uses this to hand scans over,
 * keeps its cold start. Endpoint, region and credentials from the SDK's standard settings
 * ({@code AWS_ENDPOINT_URL_LAMBDA}: the local stack's Invoke). Throttling and server errors are retried three times.
 */
public final class LambdaInvoker {
  private static final int MAX_ATTEMPTS = 3;

  private final SdkHttpClient http;
  private final URI endpoint;
  private final String region;
  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public LambdaInvoker(SdkHttpClient http, URI endpoint, String region,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
    this.http = http;
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  public static LambdaInvoker fromStandardSettings(SdkHttpClient http) {
    URI endpoint = Settings.system().awsEndpoint("Lambda").map(URI::create).orElse(null);
    return new LambdaInvoker(http, endpoint, new DefaultAwsRegionProviderChain().getRegion().id(),
        DefaultCredentialsProvider.builder().build());
  }

  /**
   * Queues {@code payload} for {@code function} (a name, name:alias or ARN).
   *
   * @throws IllegalStateException  when Lambda refuses it (no such function, no permission)
   * @throws UncheckedIOException   when Lambda could not be reached in three attempts
   */
  public void invokeAsync(String function, String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
        .uri(URI.create(base() + "/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations"))
        .putHeader("X-Amz-Invocation-Type", "Event").putHeader("Content-Type", "application/json")
        .putHeader("Content-Length", Integer.toString(body.length)).build();
    for (int attempt = 1; ; attempt++) {
      int status;
      String answer;
      try {
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        var signed = signer.sign(r -> r.identity(identity).request(unsigned)
            .payload(ContentStreamProvider.fromByteArray(body))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
            .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
            .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        status = response.httpResponse().statusCode();
        try (InputStream in = response.responseBody().orElse(null)) {
          answer = in == null ? "" : new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new UncheckedIOException("Invoke of " + function + " failed " + attempt + " times", e);
        }
        Backoff.sleep(100, attempt - 1);
        continue;
      }
      if (status / 100 == 2) {
        return;
      }
      if ((status == 429 || status >= 500) && attempt < MAX_ATTEMPTS) {
        Backoff.sleep(100, attempt - 1);
        continue;
      }
      throw new IllegalStateException("Lambda refused to invoke " + function + ": HTTP " + status + " " + answer);
    }
  }

  private String base() {
    if (endpoint != null) {
      return endpoint.toString().replaceAll("/+$", "");
    }
    RegionMetadata metadata = Region.of(region).metadata();
    return "https://lambda." + region + "." + (metadata != null ? metadata.domain() : "amazonaws.com");
  }
}

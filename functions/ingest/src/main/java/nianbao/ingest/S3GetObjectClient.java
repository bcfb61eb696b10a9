package nianbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.core.settings.Settings;
import nianbao.store.Backoff;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
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
 * S3's GetObject (and PutObject, for a ZIP's documents) and nothing else of S3, the calls the ingest function
 * makes: signed with the SDK's SigV4
 * signer (http-auth-aws, which the DynamoDB client loads anyway) and sent with the function's shared HTTP client.
 * The SDK's S3 client cost a cold start about 300 ms of its critical path — some 700 classes (the S3 model, its
 * endpoint rules, the XML protocol) and its request pipeline — against about 90 ms for this (ColdStartBench).
 *
 * <p>Endpoint, region and credentials come from the SDK's standard settings, as for every client here: with an
 * endpoint set ({@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL}) the address is path-style, as local servers
 * need; otherwise virtual-hosted ({@code https://bucket.s3.region.amazonaws.com}, {@code .com.cn} in China), or
 * path-style for a bucket name with dots. Throttling, server errors and broken connections are retried as the
 * SDK's standard retry mode does: three attempts, exponential back-off with jitter. FIPS and dual-stack endpoint
 * settings are not applied.
 */
public final class S3GetObjectClient {
  private static final int MAX_ATTEMPTS = 3;
  private static final long BACKOFF_BASE_MILLIS = 100;
  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern VIRTUAL_HOSTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  private final SdkHttpClient http;
  private final URI endpoint;
  private final String region;
  private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param endpoint    where S3 is (path-style requests), or null for AWS's own endpoint of {@code region}
   * @param credentials the identity requests are signed with
   */
  public S3GetObjectClient(SdkHttpClient http, URI endpoint, String region,
      IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
    this.http = http;
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  /** Endpoint, region and credentials from the SDK's standard settings (environment, system properties). */
  public static S3GetObjectClient fromStandardSettings(SdkHttpClient http) {
    URI endpoint = Settings.system().awsEndpoint("S3").map(URI::create).orElse(null);
    return new S3GetObjectClient(http, endpoint,
        new DefaultAwsRegionProviderChain().getRegion().id(), DefaultCredentialsProvider.builder().build());
  }

  /**
   * What S3 answered: a 2xx status with the body to read (close it, or {@link AbortableInputStream#abort() abort}
   * it to stop early without draining), or another status with S3's error code and no body.
   */
  public record Response(int status, String errorCode, Long contentLength, AbortableInputStream body,
      java.util.Map<String, String> metadata) {
    public Response(int status, String errorCode, Long contentLength, AbortableInputStream body) {
      this(status, errorCode, contentLength, body, java.util.Map.of());
    }

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /**
   * GetObject of {@code key}, of {@code versionId} if not null, only if its ETag is {@code ifMatch} if not null.
   *
   * @throws UncheckedIOException when S3 could not be reached in three attempts
   */
  public Response get(String bucket, String key, String versionId, String ifMatch) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri(bucket, key));
    if (versionId != null) {
      request.putRawQueryParameter("versionId", versionId);
    }
    if (ifMatch != null) {
      request.putHeader("If-Match", ifMatch);
    }
    SdkHttpRequest unsigned = request.build();
    for (int attempt = 1; ; attempt++) {
      try {
        Response response = send(unsigned);
        if (!RETRYABLE.contains(response.status()) && !"RequestTimeout".equals(response.errorCode())
            || attempt == MAX_ATTEMPTS) {
          return response;
        }
      } catch (IOException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new UncheckedIOException("GetObject s3://" + bucket + "/" + key + " failed " + attempt + " times", e);
        }
      }
      Backoff.sleep(BACKOFF_BASE_MILLIS, attempt - 1); // up to 100 ms, then 200, as the SDK's standard mode
    }
  }

  /**
   * PutObject of {@code bytes} at {@code key}: how a ZIP's documents become uploads of their own ({@link ZipBatch}),
   * the one write this function makes to the bucket. Retried as {@link #get} is.
   *
   * @throws IllegalStateException when S3 refuses it
   * @throws UncheckedIOException  when S3 could not be reached in three attempts
   */
  public void put(String bucket, String key, byte[] bytes) {
    put(bucket, key, bytes, java.util.Map.of());
  }

  /** {@link #put(String, String, byte[])} with user metadata ({@code x-amz-meta-} names, ASCII values), signed. */
  public void put(String bucket, String key, byte[] bytes, java.util.Map<String, String> metadata) {
    SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri(bucket, key))
        .putHeader("Content-Length", Integer.toString(bytes.length));
    metadata.forEach(builder::putHeader);
    SdkHttpRequest unsigned = builder.build();
    for (int attempt = 1; ; attempt++) {
      try {
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        var signed = signer.sign(r -> r.identity(identity).request(unsigned)
            .payload(ContentStreamProvider.fromByteArray(bytes))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
            .putProperty(AwsV4HttpSigner.REGION_NAME, region)
            .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
            .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
            .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        int status = response.httpResponse().statusCode();
        String code = null;
        if (response.responseBody().isPresent()) {
          try (InputStream in = response.responseBody().get()) {
            Matcher m = ERROR_CODE.matcher(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            code = m.find() ? m.group(1) : null;
          }
        }
        if (status / 100 == 2) {
          return;
        }
        if (!RETRYABLE.contains(status) || attempt == MAX_ATTEMPTS) {
          throw new IllegalStateException("PutObject s3://" + bucket + "/" + key + ": HTTP " + status + " " + code);
        }
      } catch (IOException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw new UncheckedIOException("PutObject s3://" + bucket + "/" + key + " failed " + attempt + " times", e);
        }
      }
      Backoff.sleep(BACKOFF_BASE_MILLIS, attempt - 1);
    }
  }

  private Response send(SdkHttpRequest unsigned) throws IOException {
    AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
    SdkHttpRequest signed = signer.sign(r -> r.identity(identity).request(unsigned)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request();
    HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build()).call();
    int status = response.httpResponse().statusCode();
    AbortableInputStream body = response.responseBody().orElse(null);
    if (status / 100 == 2) {
      Long length = response.httpResponse().firstMatchingHeader("Content-Length").map(Long::valueOf).orElse(null);
      java.util.Map<String, String> metadata = new java.util.TreeMap<>();
      response.httpResponse().forEachHeader((name, values) -> {
        if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-meta-") && !values.isEmpty()) {
          metadata.put(name.toLowerCase(Locale.ROOT), values.get(0));
        }
      });
      return new Response(status, null, length, body != null ? body : AbortableInputStream.create(
          InputStream.nullInputStream()), metadata);
    }
    String code = null;
    if (body != null) {
      try (InputStream in = body) {
        Matcher m = ERROR_CODE.matcher(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        code = m.find() ? m.group(1) : null;
      }
    }
    return new Response(status, code, null, null);
  }

  URI uri(String bucket, String key) {
    String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
    if (endpoint != null) {
      String base = endpoint.toString().replaceAll("/+$", "");
      return URI.create(base + "/" + SdkHttpUtils.urlEncode(bucket) + path);
    }
    RegionMetadata metadata = Region.of(region).metadata();
    String host = "s3." + region + "." + (metadata != null ? metadata.domain() : "amazonaws.com");
    if (VIRTUAL_HOSTABLE.matcher(bucket).matches()) {
      return URI.create("https://" + bucket + "." + host + path);
    }
    return URI.create("https://" + host + "/" + SdkHttpUtils.urlEncode(bucket) + path);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "S3GetObjectClient[%s, %s]", endpoint != null ? endpoint : "AWS", region);
  }
}

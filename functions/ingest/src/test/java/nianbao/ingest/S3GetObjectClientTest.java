package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import nianbao.servers.FreePorts;
import nianbao.servers.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** The function's GetObject against s3proxy checking SigV4 signatures as S3 does, and against failing servers. */
class S3GetObjectClientTest {
  private static final String BUCKET = "nianbao-reports-test";
  private static final String KEY = "uploads/报告 2022 v1+final (2)&a=b.txt";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDNIANBAO", "secret/with+signs="));
  private static LocalS3 server;
  private static S3Client s3;

  @BeforeAll
  static void start() {
    server = LocalS3.inMemoryCheckingSignatures("us-east-1", "AKIDNIANBAO", "secret/with+signs=");
    s3 = S3Client.builder().endpointOverride(server.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    s3.createBucket(r -> r.bucket(BUCKET));
    s3.putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
  }

  @AfterAll
  static void stop() {
    s3.close();
    server.close();
  }

  private static S3GetObjectClient client(StaticCredentialsProvider credentials) {
    return new S3GetObjectClient(UrlConnectionHttpClient.create(), server.endpoint(), "us-east-1", credentials);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheVersionAskedForUnderAKeyOfChineseSpacesAndSignsThatS3WouldCheck() throws Exception {
    String first = s3.putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromBytes(utf8("第一版"))).versionId();
    var second = s3.putObject(r -> r.bucket(BUCKET).key(KEY), RequestBody.fromBytes(utf8("第二版")));
    SourceFetcher fetcher = new SourceFetcher(client(CREDENTIALS));

    assertArrayEquals(utf8("第一版"), ((SourceFetcher.Bytes) fetcher.fetch(BUCKET, KEY, first, null, 1000)).bytes());
    assertArrayEquals(utf8("第二版"), ((SourceFetcher.Bytes) fetcher.fetch(BUCKET, KEY, null,
        Harness.unquote(second.eTag()), 1000)).bytes());
    // the eTag of an event that a later write overtook
    assertInstanceOf(SourceFetcher.Gone.class, fetcher.fetch(BUCKET, KEY, null, "0123456789abcdef0123456789abcdef",
        1000));
    assertEquals(new SourceFetcher.Gone("no such key"), fetcher.fetch(BUCKET, "uploads/absent.txt", null, null, 1000));
    assertEquals(new SourceFetcher.TooLarge(9), fetcher.fetch(BUCKET, KEY, null, null, 5));

    // a wrong secret is refused: the signatures above were checked, not ignored
    S3GetObjectClient.Response refused = client(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIDNIANBAO", "another secret"))).get(BUCKET, KEY, null, null);
    assertEquals(403, refused.status());
    assertTrue(refused.errorCode() != null && !refused.errorCode().isEmpty());
    var failure = assertThrows(SourceFetcher.S3RequestFailedException.class, () -> new SourceFetcher(client(
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDNIANBAO", "x")))).fetch(BUCKET, KEY, null,
        null, 1000));
    assertEquals(403, failure.status());
  }

  @Test
  void addressesAwsAsS3DoesVirtualHostedInItsPartitionAndPathStyleForDottedNames() {
    S3GetObjectClient global = new S3GetObjectClient(UrlConnectionHttpClient.create(), null, "ap-east-1", CREDENTIALS);
    assertEquals(URI.create("https://nianbao-reports-1.s3.ap-east-1.amazonaws.com/uploads/%E6%8A%A5%E5%91%8A%202022"
        + "%20v1%2Bfinal.txt"), global.uri("nianbao-reports-1", "uploads/报告 2022 v1+final.txt"));
    S3GetObjectClient china = new S3GetObjectClient(UrlConnectionHttpClient.create(), null, "cn-north-1", CREDENTIALS);
    assertEquals(URI.create("https://nianbao-reports-1.s3.cn-north-1.amazonaws.com.cn/a/b.txt"),
        china.uri("nianbao-reports-1", "a/b.txt"));
    assertEquals(URI.create("https://s3.cn-north-1.amazonaws.com.cn/reports.example.cn/a.txt"),
        china.uri("reports.example.cn", "a.txt"));
    S3GetObjectClient local = new S3GetObjectClient(UrlConnectionHttpClient.create(), URI.create("http://127.0.0.1:4402/"),
        "us-east-1", CREDENTIALS);
    assertEquals(URI.create("http://127.0.0.1:4402/nianbao-reports-1/a%20b.txt"), local.uri("nianbao-reports-1", "a b.txt"));
  }

  @Test
  void throttlingAndServerErrorsAreRetriedThreeTimesAndAnUnreachableServerIsAnError() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    int[] failuresFirst = {2};
    HttpServer flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    flaky.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = failuresFirst[0]-- > 0
          ? utf8("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")
          : utf8("内容");
      exchange.sendResponseHeaders(failuresFirst[0] >= 0 ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    flaky.start();
    try {
      S3GetObjectClient client = new S3GetObjectClient(UrlConnectionHttpClient.create(),
          URI.create("http://127.0.0.1:" + flaky.getAddress().getPort()), "us-east-1", CREDENTIALS);
      // WHEN S3 is slow twice THEN the third attempt reads the object
      S3GetObjectClient.Response ok = client.get(BUCKET, "a.txt", null, null);
      assertEquals(200, ok.status());
      assertArrayEquals(utf8("内容"), ok.body().readAllBytes());
      assertEquals(3, requests.get());
      // WHEN it stays slow THEN its answer is given after three attempts
      failuresFirst[0] = 10;
      S3GetObjectClient.Response slow = client.get(BUCKET, "a.txt", null, null);
      assertEquals(503, slow.status());
      assertEquals("SlowDown", slow.errorCode());
      assertNull(slow.body());
      assertEquals(6, requests.get());
    } finally {
      flaky.stop(0);
    }
    S3GetObjectClient nowhere = new S3GetObjectClient(UrlConnectionHttpClient.create(),
        URI.create("http://127.0.0.1:" + FreePorts.loopback()), "us-east-1", CREDENTIALS);
    assertThrows(UncheckedIOException.class, () -> nowhere.get(BUCKET, "a.txt", null, null));
  }
}

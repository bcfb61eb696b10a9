package nianbao.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nianbao.servers.FreePorts;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.LocalS3;
import nianbao.servers.LocalSqs;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Where a test suite's DynamoDB, S3 and SQS are: in-process servers, a moto_server process, or AWS_ENDPOINT_URL. */
abstract class Backend implements AutoCloseable {
  static final Region REGION = Region.US_EAST_1;

  abstract URI dynamoEndpoint();

  abstract URI s3Endpoint();

  URI sqsEndpoint() {
    return null;
  }

  /** Stops DynamoDB (as an outage); false where the test cannot stop the service. */
  boolean stopDynamo() {
    return false;
  }

  void startDynamo() {}

  /** Whether concurrent TransactWriteItems are isolated, as in DynamoDB (moto applies parts of cancelled ones). */
  boolean isolatesConcurrentTransactions() {
    return true;
  }

  DynamoDbClient dynamo(ExecutionInterceptor... interceptors) {
    var b = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    configure(b, dynamoEndpoint());
    b.overrideConfiguration(ClientOverrideConfiguration.builder()
        .executionInterceptors(java.util.List.of(interceptors)).build());
    return b.build();
  }

  S3Client s3() {
    var b = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true);
    configure(b, s3Endpoint());
    return b.build();
  }

  /** The function's own GetObject client, on this backend. */
  S3GetObjectClient s3Objects() {
    URI endpoint = s3Endpoint();
    if (endpoint == null) {
      return S3GetObjectClient.fromStandardSettings(UrlConnectionHttpClient.create());
    }
    return new S3GetObjectClient(UrlConnectionHttpClient.create(), endpoint, REGION.id(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }

  SqsClient sqs() {
    var b = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
    configure(b, sqsEndpoint());
    return b.build();
  }

  private static void configure(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> b, URI endpoint) {
    if (endpoint != null) {
      b.endpointOverride(endpoint).region(REGION)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }
  }

  /**
   * DynamoDB Local on a folder (so an outage can be simulated by stopping it), s3proxy in memory, and the local
   * stack's own SQS ({@link LocalSqs}).
   */
  static final class Local extends Backend {
    private final Path folder;
    private final LocalDynamoDb db;
    private final LocalS3 s3;
    private final LocalSqs sqs;

    private static Local shared;

    Local() throws IOException {
      folder = Files.createTempDirectory("nianbao-ddb");
      db = LocalDynamoDb.onFolder(folder);
      s3 = LocalS3.inMemory(REGION.id());
      sqs = LocalSqs.inMemory();
    }

    /** One for the test JVM, started by the first test class that asks and closed when the JVM exits. */
    static synchronized Local shared() throws IOException {
      if (shared == null) {
        Local local = new Local();
        Runtime.getRuntime().addShutdownHook(new Thread(local::close, "close-local-servers"));
        shared = local;
      }
      return shared;
    }

    LocalS3 localS3() {
      return s3;
    }

    @Override
    URI dynamoEndpoint() {
      return db.endpoint();
    }

    @Override
    URI s3Endpoint() {
      return s3.endpoint();
    }

    @Override
    URI sqsEndpoint() {
      return sqs.endpoint();
    }

    @Override
    boolean stopDynamo() {
      db.stop();
      return true;
    }

    @Override
    void startDynamo() {
      db.start();
    }

    @Override
    public void close() {
      sqs.close();
      s3.close();
      db.close();
    }
  }

  /** moto_server (LocalStack is built on it) on a free loopback port; null if moto_server is not installed. */
  static final class Moto extends Backend {
    private final Process process;
    private final URI endpoint;

    private Moto(Process process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
    }

    static Moto startIfInstalled() throws Exception {
      String binary = findOnPath("moto_server");
      if (binary == null) {
        return null;
      }
      int port = FreePorts.loopback();
      Process p = new ProcessBuilder(binary, "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return new Moto(p, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
          if (!p.isAlive()) {
            throw new IllegalStateException("moto_server exited with " + p.exitValue());
          }
          Thread.sleep(100);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException("moto_server did not listen on " + port);
    }

    @Override
    URI dynamoEndpoint() {
      return endpoint;
    }

    @Override
    URI s3Endpoint() {
      return endpoint;
    }

    @Override
    URI sqsEndpoint() {
      return endpoint;
    }

    /**
     * Measured here: 50 threads each sending one transaction (a conditional Put of one item plus ADD to 30
     * counters) to moto_server — one transaction succeeds, yet the counters read 13: moto applies writes of
     * cancelled transactions when they run concurrently. Real DynamoDB and DynamoDB Local do not.
     */
    @Override
    boolean isolatesConcurrentTransactions() {
      return false;
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Whatever AWS_ENDPOINT_URL points at (LocalStack), with the SDK's own settings for region and credentials. */
  static final class Endpoint extends Backend {
    @Override
    URI dynamoEndpoint() {
      return null;
    }

    @Override
    URI s3Endpoint() {
      return null;
    }

    @Override
    URI sqsEndpoint() {
      return null;
    }

    /**
     * LocalStack's DynamoDB is DynamoDB Local, which isolates transactions; a bare moto_server does not, and
     * {@code NIANBAO_ENDPOINT_TRANSACTIONS=non-isolated} says so (the concurrency test is then skipped).
     */
    @Override
    boolean isolatesConcurrentTransactions() {
      return !"non-isolated".equals(System.getenv("NIANBAO_ENDPOINT_TRANSACTIONS"));
    }

    @Override
    public void close() {}
  }

  static String findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}

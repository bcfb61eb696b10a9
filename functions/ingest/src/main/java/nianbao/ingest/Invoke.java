package nianbao.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Invokes the handler once outside Lambda, configured from the same environment variables (TABLE_NAME,
 * AWS_ENDPOINT_URL…): {@code java -cp nianbao-ingest-lambda.jar nianbao.ingest.Invoke event.json}. With
 * {@code --bare-sdk} it instead makes one DynamoDB call with a plain SDK client, as a baseline for cold starts.
 * Prints the answer and the milliseconds since the JVM started.
 */
public final class Invoke {
  private Invoke() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("--bare-sdk")) {
      try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
        dynamo.describeTable(r -> r.tableName(System.getenv("TABLE_NAME")));
      }
      System.out.println("{\"bare\":true}");
    } else {
      byte[] event = Files.readAllBytes(Path.of(args[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long t0 = System.nanoTime();
      IngestHandler handler = new IngestHandler();
      long t1 = System.nanoTime();
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      long t2 = System.nanoTime();
      System.out.println(out.toString(StandardCharsets.UTF_8));
      System.out.println("initMillis=" + (t1 - t0) / 1_000_000 + " handleMillis=" + (t2 - t1) / 1_000_000);
    }
    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("millisSinceJvmStart=" + sinceStart);
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      System.out.println("cpuMillis=" + os.getProcessCpuTime() / 1_000_000); // above the wall time: threads overlapped
    }
  }
}

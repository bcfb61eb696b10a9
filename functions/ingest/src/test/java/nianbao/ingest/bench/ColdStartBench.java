package nianbao.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.LocalS3;
import nianbao.servers.S3Events;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Cold start: a fresh JVM runs the deployment jar's handler on one seed upload against local servers, and a
 * fresh JVM makes one DynamoDB call with a bare SDK client; alternated, several rounds, medians printed.
 * Run after {@code mvn -pl functions/ingest -am package}:
 * {@code mvn -pl functions/ingest exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nianbao.ingest.bench.ColdStartBench -Dexec.args="JAR TEMPLATE ROUNDS [cds]"}. With {@code cds},
 * one extra handler run first dumps the classes it loaded into an application class-data archive, and every
 * measured run (handler and bare) maps it: what is left when loading and verifying classes costs nothing.
 */
public final class ColdStartBench {
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "functions/ingest/target/nianbao-ingest-lambda.jar");
    Path template = Path.of(args.length > 1 ? args[1] : "template.yaml");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean cds = args.length > 3 && args[3].equals("cds");
    Path archive = Files.createTempDirectory("cds").resolve("ingest.jsa");
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    try (LocalDynamoDb db = LocalDynamoDb.inMemory(); LocalS3 s3proxy = LocalS3.inMemory("us-east-1")) {
      DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
      S3Client s3 = S3Client.builder().endpointOverride(s3proxy.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(creds).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
      var table = TemplateTables.table(SamTemplate.read(template, Map.of(), "bench", "us-east-1"), "ReportsTable");
      TemplateTables.create(dynamo, table);
      s3.createBucket(r -> r.bucket("bench-reports"));
      byte[] seed = Files.readAllBytes(Path.of("functions/core/src/test/resources/seeds/003_978a9fff42e671ca.txt"));
      List<Long> handler = new ArrayList<>();
      List<Long> handlerWall = new ArrayList<>();
      List<Long> bare = new ArrayList<>();
      List<Long> bareWall = new ArrayList<>();
      List<String> jvm = new ArrayList<>();
      for (int i = cds ? -1 : 0; i < rounds; i++) {
        String key = "uploads/报告 " + i + ".txt";
        var put = s3.putObject(r -> r.bucket("bench-reports").key(key), RequestBody.fromBytes(
            (new String(seed, StandardCharsets.UTF_8) + "\n" + i).getBytes(StandardCharsets.UTF_8)));
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, S3Events.json(new S3Events.ObjectEvent("ObjectCreated:Put", "us-east-1",
            "bench-reports", key, (long) seed.length, put.eTag(), put.versionId(), S3Events.nextSequencer(),
            Instant.now())));
        if (i < 0) {
          run(jar, table.name(), db, s3proxy, List.of("-XX:ArchiveClassesAtExit=" + archive), event.toString());
          run(jar, table.name(), db, s3proxy, List.of("-XX:ArchiveClassesAtExit=" + archive + ".bare"), "--bare-sdk");
          continue;
        }
        long[] h = run(jar, table.name(), db, s3proxy, cds ? List.of("-XX:SharedArchiveFile=" + archive) : jvm,
            event.toString());
        long[] b = run(jar, table.name(), db, s3proxy, cds ? List.of("-XX:SharedArchiveFile=" + archive + ".bare")
            : jvm, "--bare-sdk");
        handler.add(h[0]);
        handlerWall.add(h[1]);
        bare.add(b[0]);
        bareWall.add(b[1]);
      }
      long hm = median(handler);
      long bm = median(bare);
      System.out.printf("cold start, handler storing one seed: median %d ms from JVM start (%d ms wall incl. JVM "
          + "launch); all %s%n", hm, median(handlerWall), handler);
      System.out.printf("cold start, bare SDK DescribeTable:   median %d ms from JVM start (%d ms wall); all %s%n",
          bm, median(bareWall), bare);
      System.out.printf("ratio handler/bare: %.2f (target <= 1.5), handler <= 1000 ms: %s%s%n", (double) hm / bm,
          hm <= 1000, cds ? " — each with its own class-data archive" : "");
    }
  }

  private static long[] run(Path jar, String table, LocalDynamoDb db, LocalS3 s3, List<String> jvmOptions,
      String arg) throws Exception {
    String main = "nianbao.ingest.Invoke";
    List<String> command = new ArrayList<>(List.of("java", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-Xshare:auto"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar.toString(), main, arg));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("TABLE_NAME", table);
    env.put("REPORTS_BUCKET", "bench-reports");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "bench");
    env.put("AWS_SECRET_ACCESS_KEY", "bench");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
    env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
    long t0 = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    long wall = (System.nanoTime() - t0) / 1_000_000;
    if (rc != 0 || !out.contains("millisSinceJvmStart=")) {
      throw new IllegalStateException(main + " failed: " + out);
    }
    if (!arg.equals("--bare-sdk") && !(out.contains("\"result\":\"CREATED\"") || out.contains("\"result\":\"NEW_CURRENT_VERSION\""))) {
      throw new IllegalStateException("handler did not store the report: " + out);
    }
    System.out.println("  child: " + out.lines().filter(l -> l.startsWith("initMillis")).findFirst().orElse(""));
    String ms = out.substring(out.indexOf("millisSinceJvmStart=") + 20).lines().findFirst().orElse("").trim();
    return new long[] {Long.parseLong(ms), wall};
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}

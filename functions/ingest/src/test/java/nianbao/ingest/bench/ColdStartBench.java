package nianbao.ingest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nianbao.fixtures.SeedReports;
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
 * Cold start: a fresh JVM runs the deployment package's handler on one seed upload against local servers, and a
 * fresh JVM makes one DynamoDB call with a bare SDK client from the same package; alternated, several rounds,
 * medians printed. Run after {@code mvn -pl functions/ingest -am package}:
 * {@code mvn -pl functions/ingest exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nianbao.ingest.bench.ColdStartBench -Dexec.args="JAR TEMPLATE ROUNDS [cds] [from-jar] [replace]"}.
 * <ul>
 *   <li>Each round stores the seed as a new report, into a table emptied before; with {@code replace} each round
 *   stores a corrected version of the report the round before stored (it reads and subtracts the old one).</li>
 *   <li>The package is unpacked into a directory first and both JVMs load their classes from there, as Lambda
 *   does (it unpacks a .jar or .zip package into /var/task); {@code from-jar} loads them from the jar instead.</li>
 *   <li>One round is run first and not counted, so that the servers' own first requests are not measured. Which
 *   of the two runs first alternates from round to round, and each starts after a pause of 300 ms.</li>
 *   <li>With {@code cds}, one extra run of each first dumps the classes it loaded into an application class-data
 *   archive, and every measured run maps its own: what is left when loading classes costs nothing.</li>
 *   <li>Both JVMs run as Lambda runs the function: {@link #lambdaJvm}. {@code -Dbench.childOptions="…"} adds
 *   options to both (say {@code -Xlog:class+load}).</li>
 * </ul>
 */
public final class ColdStartBench {
  private static final String INVOKE = "nianbao.ingest.Invoke";
  /** A pause before each JVM, so that it does not start while the servers still finish the previous one's work. */
  private static final long SETTLE_MILLIS = 300;

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "functions/ingest/target/nianbao-ingest-lambda.jar");
    Path template = Path.of(args.length > 1 ? args[1] : "template.yaml");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> flags = List.of(args).subList(Math.min(3, args.length), args.length);
    boolean cds = flags.contains("cds");
    boolean replace = flags.contains("replace");
    String classPath = flags.contains("from-jar") ? jar.toString() : unpack(jar).toString();
    Path archive = Files.createTempDirectory("cds").resolve("ingest.jsa");
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    try (LocalDynamoDb db = LocalDynamoDb.inMemory(); LocalS3 s3proxy = LocalS3.inMemory("us-east-1")) {
      DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
      S3Client s3 = S3Client.builder().endpointOverride(s3proxy.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(creds).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
      SamTemplate sam = SamTemplate.read(template, Map.of(), "bench", "us-east-1");
      var table = TemplateTables.table(sam, "ReportsTable");
      TemplateTables.create(dynamo, table);
      s3.createBucket(r -> r.bucket("bench-reports"));
      byte[] seed = SeedReports.bytes(SeedReports.XINXIANG_2022);
      List<String> jvm = lambdaJvm(sam, "IngestFunction");
      Child child = new Child(classPath, jvm, table.name(), db, s3proxy);
      List<long[]> handler = new ArrayList<>();
      List<long[]> bare = new ArrayList<>();
      for (int i = -1; i < rounds; i++) {
        if (!replace) { // the report is new to the table each round: it is created, not a correction
          dynamo.deleteTable(r -> r.tableName(table.name()));
          TemplateTables.create(dynamo, table);
        }
        String key = "uploads/报告 " + i + ".txt";
        var put = s3.putObject(r -> r.bucket("bench-reports").key(key), RequestBody.fromBytes(
            (new String(seed, StandardCharsets.UTF_8) + "\n" + key).getBytes(StandardCharsets.UTF_8)));
        Path event = Files.createTempFile("event", ".json");
        Files.writeString(event, S3Events.json(new S3Events.ObjectEvent("ObjectCreated:Put", "us-east-1",
            "bench-reports", key, (long) seed.length, put.eTag(), put.versionId(), S3Events.nextSequencer(),
            Instant.now())));
        if (i < 0) { // not counted: the servers' first requests, and the class lists for cds
          child.run(cds ? List.of("-XX:ArchiveClassesAtExit=" + archive) : List.of(), event.toString());
          child.run(cds ? List.of("-XX:ArchiveClassesAtExit=" + archive + ".bare") : List.of(), "--bare-sdk");
          continue;
        }
        // which runs first alternates, so that neither always starts while the servers still digest the other's work
        if (i % 2 == 0) {
          handler.add(child.run(cds ? List.of("-XX:SharedArchiveFile=" + archive) : List.of(), event.toString()));
          bare.add(child.run(cds ? List.of("-XX:SharedArchiveFile=" + archive + ".bare") : List.of(), "--bare-sdk"));
        } else {
          bare.add(child.run(cds ? List.of("-XX:SharedArchiveFile=" + archive + ".bare") : List.of(), "--bare-sdk"));
          handler.add(child.run(cds ? List.of("-XX:SharedArchiveFile=" + archive) : List.of(), event.toString()));
        }
      }
      List<Long> ratios = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        ratios.add(Math.round(1000.0 * handler.get(i)[0] / bare.get(i)[0]));
      }
      long hm = median(handler, 0);
      long bm = median(bare, 0);
      String loadedFrom = classPath.endsWith(".jar") ? "the jar" : "the unpacked package";
      System.out.println(replace ? "each round stores a corrected version of the report the one before stored"
          : "each round stores the report into an empty table");
      System.out.printf("classes loaded from %s%s; both JVMs run with %s%n", loadedFrom,
          cds ? ", each JVM with its own class-data archive" : "", String.join(" ", jvm));
      System.out.printf("cold start, handler storing one seed: median %d ms from JVM start (%d ms wall incl. JVM "
          + "launch, %d ms CPU); all %s%n", hm, median(handler, 1), median(handler, 2), column(handler, 0));
      System.out.printf("cold start, bare SDK DescribeTable:   median %d ms from JVM start (%d ms wall, %d ms CPU); "
          + "all %s%n", bm, median(bare, 1), median(bare, 2), column(bare, 0));
      System.out.printf("ratio of medians %.2f, median of each round's ratio %.2f (target <= 1.5); handler <= 1000 "
          + "ms: %s%n", (double) hm / bm, median(ratios) / 1000.0, hm <= 1000);
    }
  }

  /**
   * The JVM options of the function as Lambda runs it (and as the local stack does): the serial collector, a heap
   * of three quarters of the template's MemorySize, the memory the JVM sizes itself by (its initial heap and young
   * generation) being that MemorySize, and the template's JAVA_TOOL_OPTIONS.
   */
  static List<String> lambdaJvm(SamTemplate sam, String function) {
    Map<String, Object> properties = sam.properties(function);
    Object memory = sam.resolve(properties.get("MemorySize"));
    int memoryMb = memory == null ? 128 : Integer.parseInt(memory.toString());
    List<String> options = new ArrayList<>(List.of("-XX:MaxRAM=" + memoryMb + "m",
        "-Xmx" + Math.max(128, memoryMb * 3 / 4) + "m", "-XX:+UseSerialGC", "-Xss4m", "-Xshare:auto"));
    if (properties.get("Environment") instanceof Map<?, ?> environment
        && environment.get("Variables") instanceof Map<?, ?> variables
        && variables.get("JAVA_TOOL_OPTIONS") != null) {
      options.addAll(List.of(sam.resolveString(variables.get("JAVA_TOOL_OPTIONS")).trim().split("\\s+")));
    }
    return options;
  }

  /** The deployment package unpacked into a fresh directory, as Lambda unpacks it into /var/task. */
  public static Path unpack(Path jar) throws IOException {
    Path dir = Files.createTempDirectory("task");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("entry outside the package: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
    return dir;
  }

  /** One JVM of the function's package, configured as the template configures the function. */
  private record Child(String classPath, List<String> jvm, String table, LocalDynamoDb db, LocalS3 s3) {
    /** Milliseconds since its JVM started when done, wall milliseconds including the launch, CPU milliseconds. */
    long[] run(List<String> jvmOptions, String arg) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of("java"));
      command.addAll(jvm);
      command.addAll(jvmOptions);
      String extra = System.getProperty("bench.childOptions", "").trim();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.split("\\s+")));
      }
      command.addAll(List.of("-cp", classPath, INVOKE, arg));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put("TABLE_NAME", table);
      env.put("REPORTS_BUCKET", "bench-reports");
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ACCESS_KEY_ID", "bench");
      env.put("AWS_SECRET_ACCESS_KEY", "bench");
      env.put("AWS_ENDPOINT_URL_DYNAMODB", db.endpoint().toString());
      env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
      Thread.sleep(SETTLE_MILLIS);
      long t0 = System.nanoTime();
      Process p = pb.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int rc = p.waitFor();
      long wall = (System.nanoTime() - t0) / 1_000_000;
      if (rc != 0 || !out.contains("millisSinceJvmStart=")) {
        throw new IllegalStateException(INVOKE + " failed: " + out);
      }
      if (!arg.equals("--bare-sdk") && !out.contains("\"result\":\"CREATED\"")
          && !out.contains("\"result\":\"NEW_CURRENT_VERSION\"")) {
        throw new IllegalStateException("the handler did not store the report: " + out);
      }
      if (Boolean.getBoolean("bench.verbose")) {
        out.lines().filter(l -> !l.startsWith("{")).forEach(l -> System.out.println("  | " + l));
      }
      return new long[] {number(out, "millisSinceJvmStart="), wall, number(out, "cpuMillis=")};
    }

    private static long number(String out, String label) {
      int at = out.indexOf(label);
      return at < 0 ? -1 : Long.parseLong(out.substring(at + label.length()).lines().findFirst().orElse("").trim());
    }
  }

  private static List<Long> column(List<long[]> runs, int i) {
    return runs.stream().map(r -> r[i]).toList();
  }

  private static long median(List<long[]> runs, int i) {
    return median(column(runs, i));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}

package nianbao.ingest.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import nianbao.core.model.Source;
import nianbao.fixtures.SeedReports;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import nianbao.store.ReportStore;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reports stored per second against DynamoDB Local, and DynamoDB requests per stored report when 100 and when
 * 10,000 reports are already stored (it must not grow); then the time to rebuild every summary from them. The seeds are read once; each stored report is a seed
 * under another agency name, so every one is a new report with its own summaries' share.
 * {@code mvn -pl functions/ingest exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nianbao.ingest.bench.ThroughputBench -Dexec.args="10000"}
 */
public final class ThroughputBench {
  public static void main(String[] args) throws Exception {
    int target = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path template = Path.of(args.length > 1 ? args[1] : "template.yaml");
    Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
        requests.computeIfAbsent(a.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
            .incrementAndGet();
      }
    };
    List<Report> seeds = new ArrayList<>();
    for (String name : SeedReports.NAMES) {
      seeds.add(ReportReader.read(SeedReports.bytes(name), name));
    }
    try (LocalDynamoDb db = LocalDynamoDb.inMemory()) {
      DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("b", "b")))
          .httpClient(UrlConnectionHttpClient.create())
          .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
          .build();
      var table = TemplateTables.table(SamTemplate.read(template, Map.of(), "bench", "us-east-1"), "ReportsTable");
      TemplateTables.create(dynamo, table);
      ReportWriter writer = new ReportWriter(new ReportStore(dynamo, table.name()));
      AtomicLong next = new AtomicLong();

      fill(writer, seeds, next, 100, 4);
      measure("100 stored", writer, seeds, next, requests, 100);
      long t0 = System.nanoTime();
      long before = next.get();
      fill(writer, seeds, next, target, 4);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("filled to %d with 4 threads: %.1f reports/s%n", next.get(), (next.get() - before) / seconds);
      measure(next.get() + " stored", writer, seeds, next, requests, 100);
      requests.clear();
      long r0 = System.nanoTime();
      var rebuilt = new nianbao.store.SummaryRebuild(new ReportStore(dynamo, table.name())).run();
      System.out.printf("rebuild of every summary over %d reports: %.1f s, %d items written, %d requests %s%n",
          rebuilt.reports(), (System.nanoTime() - r0) / 1e9, rebuilt.written(),
          requests.values().stream().mapToLong(AtomicLong::get).sum(), requests);
    }
  }

  static void measure(String label, ReportWriter writer, List<Report> seeds, AtomicLong next,
      Map<String, AtomicLong> requests, int n) {
    requests.clear();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      store(writer, seeds, next.getAndIncrement());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf("%s: %d more in %.2f s = %.1f reports/s (1 thread); %.2f DynamoDB requests/report %s%n",
        label, n, seconds, n / seconds, (double) total / n, requests);
  }

  static void fill(ReportWriter writer, List<Report> seeds, AtomicLong next, long upTo, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        long i;
        while ((i = next.getAndIncrement()) < upTo) {
          store(writer, seeds, i);
        }
        next.decrementAndGet();
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    next.set(Math.max(next.get(), upTo));
  }

  static void store(ReportWriter writer, List<Report> seeds, long i) {
    Report seed = seeds.get((int) (i % seeds.size()));
    Source s = seed.source();
    Report r = new Report(seed.schemaVersion(), new Source(s.name(), ReportReader.sha256(
        (s.sha256() + i).getBytes()), s.format(), s.encoding(), s.reader()), seed.title(),
        seed.agency() + "第" + i + "分局", seed.year(), seed.template(), seed.region(), seed.sections(),
        seed.proactive(), seed.applications(), seed.reviewAndLitigation(), seed.findings());
    writer.store(r, new UploadedObject("bench", "uploads/" + i + ".txt", "v" + i, "e" + i, 1000L,
        String.format("%016X", i), Instant.now()));
  }
}

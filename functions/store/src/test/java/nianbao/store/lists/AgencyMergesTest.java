package nianbao.store.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import nianbao.core.model.Report;
import nianbao.servers.CapacityCounter;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.AgencyMerges;
import nianbao.store.HistoryView;
import nianbao.store.Identity;
import nianbao.store.MergeView;
import nianbao.store.ReportStore;
import nianbao.store.item.AgencyYear;
import nianbao.store.item.ReportHead;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Merging and splitting agencies on DynamoDB Local: the reports move, their ids and histories stay, a split undoes
 * the merge exactly, a merge cut short is finished by asking again, conflicting years are refused before anything
 * is written; and what a merge costs per report moved.
 */
class AgencyMergesTest {
  private static final GeneratedReports.Place XINXIANG = GeneratedReports.PLACES.get(2);
  private static final GeneratedReports.Place HUOJIA = GeneratedReports.PLACES.get(3);

  /** The agencies: the government (odd years), its office (even years, merged into it), and another one. */
  private final List<Report> government = new ArrayList<>();
  private final List<Report> office = new ArrayList<>();
  private final Report other;

  AgencyMergesTest() {
    GeneratedReports gen = new GeneratedReports(15);
    int i = 0;
    for (int year = 2019; year <= 2024; year++) {
      (year % 2 == 1 ? government : office).add(gen.report(XINXIANG, year % 2 == 1 ? "人民政府" : "人民政府办公室",
          year, i++));
    }
    other = gen.report(HUOJIA, "教育局", 2021, i);
  }

  private static String key(Report r) {
    return Identity.of(r, r.source().sha256()).agencyKey();
  }

  private static String id(Report r) {
    return Identity.of(r, r.source().sha256()).reportId();
  }

  private static UploadedObject upload(int n) {
    return new UploadedObject(GeneratedReports.BUCKET, "uploads/" + n + ".txt", "v" + n, "e" + n, 1000L,
        String.format("%016X", n + 1), GeneratedReports.T0.plusSeconds(n));
  }

  /** A client of the same table that fails its {@code n}th TransactWriteItems and counts every request. */
  private static DynamoDbClient client(LocalTable local, int failTransaction, AtomicInteger requests) {
    AtomicInteger transactions = new AtomicInteger();
    ExecutionInterceptor interceptor = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
        if (System.getProperty("merge.trace") != null) {
          System.out.println("request " + context.request().getClass().getSimpleName());
        }
        if (context.request() instanceof TransactWriteItemsRequest
            && transactions.incrementAndGet() == failTransaction) {
          throw new IllegalStateException("cut short");
        }
      }
    };
    return DynamoDbClient.builder().endpointOverride(local.db.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(interceptor).build())
        .build();
  }

  private static AgencyMerges merges(ReportStore store) {
    return new AgencyMerges(store, new ReportWriter(store), Clock.systemUTC());
  }

  private void fill(ReportWriter writer) {
    int n = 0;
    for (Report r : government) {
      writer.store(r, upload(n++));
    }
    for (Report r : office) {
      writer.store(r, upload(n++));
    }
    writer.store(other, upload(n));
  }

  /** Each stored report's agency, status, counts and cross-year findings, by id. */
  private Map<String, String> state(ReportStore store) {
    Map<String, String> out = new TreeMap<>();
    List<Report> all = new ArrayList<>(government);
    all.addAll(office);
    all.add(other);
    for (Report r : all) {
      ReportHead h = store.head(id(r)).orElseThrow();
      out.put(id(r), h.agencyKey() + " " + h.status() + " " + h.errors() + "/" + h.warnings() + " "
          + h.crossFindings());
    }
    return out;
  }

  private List<String> actions(ReportStore store, String reportId) {
    return store.history(reportId, 20, null).items().stream().map(HistoryView::action).toList();
  }

  @Test
  void aMergeMovesTheReportsAndASplitUndoesItExactly() {
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportStore store = new ReportStore(local.dynamo, local.table);
      ReportWriter writer = new ReportWriter(store);
      fill(writer);
      Map<String, String> before = state(store);
      String gov = key(government.get(0));
      String off = key(office.get(0));
      AgencyMerges merges = merges(store);

      // a conflict of years is refused before anything is written
      AgencyMerges.Refused refused = assertThrows(AgencyMerges.Refused.class,
          () -> merges.merge(key(other), gov, "admin", "同一机关"));
      assertEquals(AgencyMerges.Refused.Code.YEARS_CONFLICT, refused.code());
      assertEquals(List.of(2021), refused.years());
      assertTrue(merges.mergeOf(key(other)).isEmpty());
      assertEquals(AgencyMerges.Refused.Code.NOT_FOUND, assertThrows(AgencyMerges.Refused.class,
          () -> merges.merge("0000000000000000", gov, "admin", null)).code());

      // the merge, counting its requests
      AtomicInteger requests = new AtomicInteger();
      ReportStore counted = new ReportStore(client(local, 0, requests), local.table);
      MergeView merged = merges(counted).merge(off, gov, "admin", "同一机关，名称不同");
      assertEquals("MERGED", merged.state());
      assertEquals(office.stream().map(AgencyMergesTest::id).sorted().toList(), merged.reports());
      System.out.printf("merge of 3 reports: %d requests%n", requests.get());
      assertTrue(requests.get() <= 8 + 3 * 7, requests.get() + " requests: 8 for the merge, at most 7 a report");
      for (Report r : office) {
        assertEquals(gov, store.head(id(r)).orElseThrow().agencyKey());
        assertEquals(List.of("agency.merged"), actions(store, id(r)).subList(0, 1));
      }
      assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024), store.agencies().years(gov).stream()
          .map(AgencyYear::year).toList());
      assertTrue(store.agencies().years(off).isEmpty());
      assertEquals(List.of(off), merges.mergedInto(gov).stream().map(MergeView::fromKey).toList());
      assertEquals(Map.of(off, gov), store.agencies().mergedInto(List.of(gov, off, key(other))),
          "a roster entry naming the office finds the government's reports");
      assertEquals(merged, merges.merge(off, gov, "admin", "again"), "asked again: as it is");
      assertEquals(AgencyMerges.Refused.Code.INTO_MERGED, assertThrows(AgencyMerges.Refused.class,
          () -> merges.merge(key(other), off, "admin", null)).code());

      // an upload of the merged agency lands under the canonical one
      Report office2025 = new GeneratedReports(16).report(XINXIANG, "人民政府办公室", 2025, 99);
      writer.store(office2025, upload(99));
      assertEquals(gov, store.head(id(office2025)).orElseThrow().agencyKey());

      // the split: every report back, the merge's and the one uploaded since, as before the merge
      assertEquals(off, merges.split(off, "admin").orElseThrow().fromKey());
      assertTrue(merges.mergeOf(off).isEmpty());
      assertTrue(merges.mergedInto(gov).isEmpty());
      assertEquals(Map.of(), store.agencies().mergedInto(List.of(gov, off)));
      assertEquals(off, store.head(id(office2025)).orElseThrow().agencyKey());
      assertEquals(before, state(store));
      assertEquals(List.of("agency.split", "agency.merged"), actions(store, id(office.get(0))).subList(0, 2));
      assertTrue(merges.split(off, "admin").isEmpty(), "split again: nothing merged");
    }
  }

  @Test
  void aMergeCutShortIsFinishedByAskingAgainAndEndsAsAnUninterruptedOne() {
    Map<String, String> straight;
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportStore store = new ReportStore(local.dynamo, local.table);
      fill(new ReportWriter(store));
      merges(store).merge(key(office.get(0)), key(government.get(0)), "admin", "同一机关");
      straight = state(store);
    }
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportStore store = new ReportStore(local.dynamo, local.table);
      fill(new ReportWriter(store));
      // the alias is written (transaction 1), the first report moved (2), the second fails (3)
      ReportStore failing = new ReportStore(client(local, 3, new AtomicInteger()), local.table);
      String off = key(office.get(0));
      String gov = key(government.get(0));
      assertThrows(IllegalStateException.class, () -> merges(failing).merge(off, gov, "admin", "同一机关"));
      assertEquals("MERGING", merges(store).mergeOf(off).orElseThrow().state());
      assertEquals(gov, store.head(id(office.get(0))).orElseThrow().agencyKey());
      assertEquals(off, store.head(id(office.get(1))).orElseThrow().agencyKey());

      MergeView done = merges(store).merge(off, gov, "someone else", "ignored: the merge's reason stays");
      assertEquals("MERGED", done.state());
      assertEquals("同一机关", done.reason());
      assertEquals(straight, state(store));
      Map<String, Long> entries = new LinkedHashMap<>();
      for (Report r : office) {
        entries.put(id(r), actions(store, id(r)).stream().filter("agency.merged"::equals).count());
      }
      assertTrue(entries.values().stream().allMatch(c -> c == 1), "one history entry each: " + entries);
    }
  }

  /**
   * What a merge and a split cost for an agency of {@code n} reports merged into one of {@code n} reports of other
   * years (functions/store/README.md, "Merging and splitting agencies": the measured table is this test's output).
   */
  private static CapacityCounter[] mergeAndSplit(int n) {
    GeneratedReports gen = new GeneratedReports(40 + n);
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      ReportWriter writer = new ReportWriter(new ReportStore(local.dynamo, local.table));
      String from = null;
      String into = null;
      for (int k = 0; k < 2 * n; k++) {
        // the canonical agency's reports in the even years, the merged agency's in the odd ones
        Report r = gen.report(XINXIANG, k % 2 == 0 ? "人民政府" : "人民政府办公室", 2010 + k, k);
        writer.store(r, upload(k));
        if (k % 2 == 0) {
          into = key(r);
        } else {
          from = key(r);
        }
      }
      CapacityCounter merge = new CapacityCounter();
      CapacityCounter split = new CapacityCounter();
      merges(new ReportStore(counting(local, merge), local.table)).merge(from, into, "admin", "同一机关");
      merges(new ReportStore(counting(local, split), local.table)).split(from, "admin");
      return new CapacityCounter[] {merge, split};
    }
  }

  private static DynamoDbClient counting(LocalTable local, ExecutionInterceptor cost) {
    return DynamoDbClient.builder().endpointOverride(local.db.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(cost).build())
        .build();
  }

  @Test
  void aMergeAndASplitCostAFixedNumberOfRequestsAndTheSameMoreForEachReportMoved() {
    Map<Integer, CapacityCounter[]> costs = new TreeMap<>();
    for (int n : List.of(1, 2, 6)) {
      costs.put(n, mergeAndSplit(n));
      System.out.printf("agency of %d reports into one of %d: merge %s; split %s%n", n, n, costs.get(n)[0],
          costs.get(n)[1]);
    }
    for (int op = 0; op < 2; op++) {
      long perReport = costs.get(2)[op].total() - costs.get(1)[op].total();
      assertTrue(perReport > 0 && perReport <= 7, (op == 0 ? "merge" : "split") + ": " + perReport + " a report");
      assertEquals(costs.get(1)[op].total() + 5 * perReport, costs.get(6)[op].total(),
          (op == 0 ? "merge" : "split") + " grows by the same requests for each report moved, nothing else");
    }
  }
}

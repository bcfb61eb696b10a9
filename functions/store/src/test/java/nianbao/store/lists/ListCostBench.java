package nianbao.store.lists;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.BatchWriter;
import nianbao.store.Identity;
import nianbao.store.ListFilter;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportStore;
import nianbao.store.Rosters;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.RuleFindings;
import nianbao.store.item.RuleFindingsBuilder;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What a list page costs (a program, not a test): fills DynamoDB Local with N generated reports' list items —
 * the items the write path puts for a head ({@link ListEntries}, rule items shaped as {@code CurrentReport} writes
 * them) — then reads the first pages of each kind of combination and prints the queries, the items evaluated and
 * the read units DynamoDB reports (ConsumedCapacity). Heads and bodies are not written: no list reads them.
 *
 * <p>Run: {@code java -cp … nianbao.store.lists.ListCostBench [--db DIR] 1000 100000} (functions/store/README.md,
 * "Lists").
 */
public final class ListCostBench {
  static final String[] PROVINCES = {"河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省", "福建省",
      "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
      "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区",
      "新疆维吾尔自治区", "北京市", "天津市", "上海市", "重庆市"};
  static final String[] BODIES = {"人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "公安局", "民政局",
      "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
      "农业农村局", "卫生健康委员会", "市场监督管理局", "应急管理局", "审计局", "统计局", "医疗保障局"};
  static final String[] RULES = {"B1", "B2", "B3", "C1", "A1", "X2"};
  static final int[] RULE_PERCENT = {10, 6, 4, 8, 3, 5};

  /**
   * Args: the sizes, ascending. With {@code --attach URL TABLE N}, the table of another run, as it is (N reports).
   * With {@code --grow} first, one table in memory filled up to each size in turn and
   * measured there. With {@code --db DIR} first, one table of DynamoDB Local on that folder is filled up
   * to each size in turn and measured there; the fill can be stopped and started again ({@code DIR/filled} says how
   * many reports are written; a report's items are the same whenever written). Without, a fresh in-memory table
   * per size. The table is printed after each size, so a run stopped later keeps what it measured.
   */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    Path folder = null;
    boolean grow = false;
    if (!rest.isEmpty() && rest.get(0).equals("--db")) {
      folder = Path.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    } else if (!rest.isEmpty() && rest.get(0).equals("--grow")) {
      grow = true;
      rest = rest.subList(1, rest.size());
    } else if (!rest.isEmpty() && rest.get(0).equals("--attach")) {
      // another run's table, as it is: --attach http://127.0.0.1:PORT TABLE N (N: its reports, counted apart)
      Map<String, Map<Integer, String>> results = new LinkedHashMap<>();
      int n = Integer.parseInt(rest.get(3));
      try (LocalTable local = LocalTable.attach(java.net.URI.create(rest.get(1)), rest.get(2))) {
        measureAll(local, n, results);
      }
      print(List.of(n), results);
      System.exit(0);
    }
    List<Integer> sizes = new ArrayList<>();
    for (String a : rest.isEmpty() ? List.of("1000") : rest) {
      sizes.add(Integer.parseInt(a));
    }
    Map<String, Map<Integer, String>> results = new LinkedHashMap<>();
    List<Integer> measured = new ArrayList<>();
    if (grow) {
      // one table in memory, filled up to each size in turn (fastest: on a folder, DynamoDB Local's SQLite writes
      // ~30 times slower here; in memory it takes ~100 KB of memory a report)
      try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
        int filled = 0;
        for (int n : sizes) {
          fill(local, filled, n, null);
          filled = n;
          measureAll(local, n, results);
          measured.add(n);
          print(measured, results);
        }
      }
    } else if (folder == null) {
      for (int n : sizes) {
        try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
          fill(local, 0, n, null);
          measureAll(local, n, results);
        }
        measured.add(n);
        print(measured, results);
      }
    } else {
      try (LocalTable local = new LocalTable(LocalDynamoDb.onFolder(folder), "cost")) {
        for (int n : sizes) {
          fill(local, filled(folder), n, folder);
          measureAll(local, n, results);
          measured.add(n);
          print(measured, results);
        }
      }
    }
    System.exit(0);
  }

  private static void measureAll(LocalTable local, int n, Map<String, Map<Integer, String>> results) {
    ReportStore store = new ReportStore(local.dynamo, local.table);
    for (Map.Entry<String, Query> q : queries().entrySet()) {
      results.computeIfAbsent(q.getKey(), k -> new TreeMap<>()).put(n, measure(local, store, q.getValue()));
    }
    Rosters rosters = new Rosters(local.dynamo, local.table);
    results.computeIfAbsent("roster reports: year+province (GET /rosters)", k -> new TreeMap<>())
        .put(n, rosterCost(local, () -> rosters.reports(2023, "河南省", null).size()));
    results.computeIfAbsent("roster reports: year+province+city", k -> new TreeMap<>())
        .put(n, rosterCost(local, () -> rosters.reports(2023, "河南省", "第3市").size()));
  }

  private static void print(List<Integer> sizes, Map<String, Map<Integer, String>> results) {
    System.out.println();
    StringBuilder header = new StringBuilder("| combination (limit 50) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int n : sizes) {
      header.append(" ").append(String.format("%,d", n)).append(" reports: page 1; page 3 |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    results.forEach((name, byN) -> {
      StringBuilder line = new StringBuilder("| " + name + " |");
      byN.values().forEach(v -> line.append(" ").append(v).append(" |"));
      System.out.println(line);
    });
    System.out.flush();
  }

  /** A list in {@code sort} order, or with {@code ranking} a ranking by {@code sort} (highest first). */
  record Query(ListFilter filter, ListSort sort, boolean ranking) {
    Query(ListFilter filter, ListSort sort) {
      this(filter, sort, false);
    }

    Page<ReportRow> page(ReportStore store, String cursor) {
      return ranking ? store.ranking(filter, sort, false, 50, cursor) : store.list(filter, sort, 50, cursor);
    }
  }

  static Map<String, Query> queries() {
    Map<String, Query> q = new LinkedHashMap<>();
    q.put("none", new Query(ListFilter.none(), ListSort.NEWEST));
    q.put("year", f(2023, null, null, null, null, null, null, null, ListSort.NEWEST));
    q.put("province", f(null, "河南省", null, null, null, null, null, null, ListSort.NEWEST));
    q.put("year+province+city+county", f(2023, "江苏省", "淮安市", "洪泽区", null, null, null, null, ListSort.NEWEST));
    q.put("status", f(null, null, null, null, null, "HAS_ERRORS", null, null, ListSort.NEWEST));
    q.put("province+status", f(null, "河南省", null, null, null, "HAS_ERRORS", null, null, ListSort.NEWEST));
    q.put("year+province+status, sort=errors", f(2023, "河南省", null, null, null, "HAS_ERRORS", null, null,
        ListSort.ERRORS));
    q.put("year+level+status", f(2023, null, null, null, "COUNTY", "HAS_ERRORS", null, null, ListSort.NEWEST));
    q.put("rule", f(null, null, null, null, null, null, "B1", null, ListSort.NEWEST));
    q.put("status+rule", f(null, null, null, null, null, "HAS_ERRORS", "C1", null, ListSort.NEWEST));
    q.put("year+province+rule", f(2023, "河南省", null, null, null, null, "B1", null, ListSort.NEWEST));
    q.put("rule, sort=errors (filtered)", f(null, null, null, null, null, null, "A1", null, ListSort.ERRORS));
    q.put("agency 人民政府 (common)", f(null, null, null, null, null, null, null, "人民政府", ListSort.NEWEST));
    q.put("agency 洪泽 (rare)", f(null, null, null, null, null, null, null, "洪泽", ListSort.NEWEST));
    q.put("agency 洪泽 + province", f(null, "江苏省", null, null, null, null, null, "洪泽", ListSort.NEWEST));
    q.put("agency+status", f(null, null, null, null, null, "HAS_ERRORS", null, "教育局", ListSort.NEWEST));
    q.put("sort=agency", f(null, null, null, null, null, null, null, null, ListSort.AGENCY));
    q.put("sort=disclosure", f(null, null, null, null, null, null, null, null, ListSort.DISCLOSURE));
    q.put("year+province, sort=dispute", f(2023, "河南省", null, null, null, null, null, null, ListSort.DISPUTE));
    q.put("ranking: year, by errors", rank(2023, null, ListSort.ERRORS));
    q.put("ranking: year, by disclosure", rank(2023, null, ListSort.DISCLOSURE));
    q.put("ranking: year+province, by disclosure", rank(2023, "河南省", ListSort.DISCLOSURE));
    q.put("ranking: year+province, by reviewCorrection", rank(2023, "河南省", ListSort.REVIEW_CORRECTION));
    return q;
  }

  static Query rank(Integer year, String province, ListSort by) {
    return new Query(new ListFilter(year, province, null, null, null, null, null, null), by, true);
  }

  static Query f(Integer year, String province, String city, String county, String level, String status,
      String rule, String agency, ListSort sort) {
    return new Query(new ListFilter(year, province, city, county, level, status, rule, agency), sort);
  }

  /**
   * Page 1; page 3 alone (a later page: resumed from its cursor); and, where page 1 held fewer than 50 rows, the
   * pages a client reads to get 50 rows (or the end) — queries, items evaluated, read units, rows.
   */
  static String measure(LocalTable local, ReportStore store, Query q) {
    local.resetCounts();
    Page<ReportRow> first = q.page(store, null);
    String page1 = cost(local, first.items().size());
    String later = "no page 3";
    int rows = first.items().size();
    int pages = 1;
    String cursor = first.cursor();
    int queries = 0; // of the pages before page 3, once its own count starts
    double units = 0;
    String enough = null;
    while (cursor != null && pages < 200 && (rows < 50 || pages < 3)) {
      boolean third = pages == 2;
      if (third) {
        queries += local.queries.get();
        units += local.readUnits.sum();
        local.resetCounts();
      }
      Page<ReportRow> next = q.page(store, cursor);
      if (third) {
        later = cost(local, next.items().size());
      }
      rows += next.items().size();
      cursor = next.cursor();
      pages++;
      if (rows >= 50 && enough == null && first.items().size() < 50) {
        enough = String.format("; 50 rows took %d pages, %d q, %.1f RCU", pages, queries + local.queries.get(),
            units + local.readUnits.sum());
      }
    }
    if (enough == null && first.items().size() < 50 && pages > 1) {
      enough = String.format("; %s %d pages, %d q, %.1f RCU, %d rows", cursor == null ? "its end after"
          : "stopped unfinished after", pages, queries + local.queries.get(), units + local.readUnits.sum(), rows);
    }
    return page1 + "; " + later + (enough == null ? "" : enough);
  }

  private static String cost(LocalTable local, int rows) {
    return String.format("%d q, %d items, %.1f RCU, %d rows", local.queries.get(), local.evaluated.get(),
        local.readUnits.sum(), rows);
  }

  /** A roster's reports of its region and year: one index partition read to its end. */
  static String rosterCost(LocalTable local, java.util.function.IntSupplier read) {
    local.resetCounts();
    int rows = read.getAsInt();
    return cost(local, rows) + " (the region's reports that year)";
  }

  /** How many reports the table on {@code folder} holds (all of 0 … n−1): its {@code filled} file, else none. */
  static int filled(Path folder) throws java.io.IOException {
    Path f = folder.resolve("filled");
    return Files.exists(f) ? Integer.parseInt(Files.readString(f).trim()) : 0;
  }

  /**
   * Reports {@code from} … {@code to}−1 (across 31 provinces, their cities and counties, 2019–2024, with errors and
   * findings by rule): their list entries and rule items with BatchWriteItem, four threads taking 100 reports at
   * a time; with {@code folder}, how many are written in a row from 0 is kept in {@code folder/filled}.
   */
  static void fill(LocalTable local, int from, int to, Path folder) throws Exception {
    if (from >= to) {
      return;
    }
    BatchWriter batch = new BatchWriter(local.dynamo, local.table);
    int chunk = 100;
    int chunks = (to - from + chunk - 1) / chunk;
    AtomicInteger next = new AtomicInteger();
    java.util.BitSet done = new java.util.BitSet(chunks);
    int[] prefix = {0};
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        int c;
        while ((c = next.getAndIncrement()) < chunks) {
          List<WriteRequest> requests = new ArrayList<>();
          for (int i = from + c * chunk; i < Math.min(to, from + (c + 1) * chunk); i++) {
            ReportHead head = head(i);
            for (ListEntry e : ListEntries.of(head)) {
              requests.add(BatchWriter.put(ListEntry.SCHEMA.itemToMap(e, true)));
            }
            for (String rule : head.ruleIds()) {
              requests.add(BatchWriter.put(RuleFindings.SCHEMA.itemToMap(ruleItem(head, rule), true)));
            }
          }
          batch.write(requests);
          synchronized (done) {
            done.set(c);
            int before = prefix[0];
            prefix[0] = done.nextClearBit(prefix[0]);
            int reports = Math.min(to, from + prefix[0] * chunk);
            int was = from + before * chunk;
            if (reports / 1000 > was / 1000 && folder != null) {
              Files.writeString(folder.resolve("filled"), Integer.toString(reports));
            }
            if (reports / 5000 > was / 5000) {
              // how the fill goes as the table grows
              System.out.printf("  %,d reports filled, %,d this run in %.0f s%n", reports, reports - from,
                  (System.nanoTime() - start) / 1e9);
              System.out.flush();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    if (folder != null) {
      Files.writeString(folder.resolve("filled"), Integer.toString(to));
    }
    System.out.printf("%,d reports' list items (%,d to %,d) written in %.0f s%n", to - from, from, to,
        (System.nanoTime() - start) / 1e9);
    System.out.flush();
  }

  /** Report i: its place (5% provincial, 25% city, 70% county agencies), body, year, status and rules. */
  static ReportHead head(int i) {
    Random r = new Random(i * 7919L + 13);
    String province = PROVINCES[r.nextInt(PROVINCES.length)];
    int roll = r.nextInt(100);
    String city = roll < 5 ? null : "第" + (1 + r.nextInt(12)) + "市";
    String county = roll < 30 ? null : "第" + (1 + r.nextInt(10)) + "县";
    if (province.equals("江苏省") && city != null && r.nextInt(20) == 0) {
      city = "淮安市";
      county = "洪泽区";
    }
    String agency = (county != null ? county : city != null ? city : province) + BODIES[r.nextInt(BODIES.length)];
    if (county != null) {
      agency = province + city + agency;
    }
    int year = 2019 + r.nextInt(6);
    Map<String, Integer> ruleCounts = new TreeMap<>();
    int errors = 0;
    for (int k = 0; k < RULES.length; k++) {
      if (r.nextInt(100) < RULE_PERCENT[k]) {
        int count = 1 + r.nextInt(3);
        ruleCounts.put(RULES[k], count);
        errors += count;
      }
    }
    String norm = Identity.normaliseAgency(agency);
    String key = Identity.hash(province + city + county + "|" + norm).substring(0, 16);
    // a division code of the agency's place, and (as most reports do) the date it prints: 落款 or 发布日期
    String regionCode = String.format("%02d%02d%02d", 11 + java.util.Arrays.asList(PROVINCES).indexOf(province),
        city == null ? 0 : 1 + r.nextInt(12), county == null ? 0 : 1 + r.nextInt(10));
    boolean dated = r.nextInt(5) > 0;
    return ReportHeadBuilder.builder().reportId(Identity.reportId(key, year)).kind(ReportHead.KIND_REPORT)
        .agencyKey(key).agency(agency).agencyNorm(norm).year(year).province(province).city(city).county(county)
        .regionCode(regionCode).status(errors > 0 ? "HAS_ERRORS" : "VALID").errors(errors).warnings(r.nextInt(3))
        .notes(r.nextInt(2)).ruleCounts(ruleCounts).title(agency + year + "年政府信息公开工作年度报告")
        .indicators(indicators(r)).reviewState(errors > 0 ? "PENDING" : "REVIEWED")
        .printedDate(dated ? String.format("%d-01-%02d", year + 1, 1 + r.nextInt(31)) : null)
        .printedDateKind(dated ? (r.nextBoolean() ? "落款" : "发布日期") : null)
        .uploadedAt(String.format("%d-01-%02dT08:00:00Z", year + 1, 1 + r.nextInt(28))).build();
  }

  /**
   * Indicator figures of a typical spread: most agencies receive few applications (a third under ten: small
   * bases), some none (unknown), few have review or litigation cases.
   */
  static String indicators(Random r) {
    long received = r.nextInt(4) == 0 ? 0 : r.nextInt(3) == 0 ? r.nextInt(10) : 10 + r.nextInt(300);
    long handled = received;
    long granted = handled == 0 ? 0 : r.nextInt((int) handled + 1);
    long reviews = r.nextInt(5) == 0 ? 10 + r.nextInt(20) : r.nextInt(3);
    long corrected = reviews == 0 ? 0 : r.nextInt((int) reviews + 1);
    return "disclosure:" + granted + "/" + handled + ",denial:" + (handled - granted) / 2 + "/" + handled
        + ",dispute:" + reviews + "/" + received + ",reviewCorrection:" + corrected + "/" + reviews
        + ",carryOver:0/" + received;
  }

  /**
   * A rule item as the write path makes it ({@code CurrentReport.writeRuleItems}), its findings JSON of a typical
   * size (~400 bytes a finding); {@code ListCostBenchItemsTest} holds it to the write path's.
   */
  static RuleFindings ruleItem(ReportHead h, String rule) {
    int count = h.ruleCounts().get(rule);
    StringBuilder findings = new StringBuilder("[");
    for (int k = 0; k < count; k++) {
      findings.append(k == 0 ? "" : ",").append("{\"rule\":\"").append(rule).append("\",\"severity\":\"error\","
          + "\"location\":{\"section\":\"三\",\"row\":\"本年新收政府信息公开申请数量\",\"column\":\"总计\"},"
          + "\"message\":\"本年新收与上年结转之和应等于办理结果总计与结转下年度继续办理之和\","
          + "\"expected\":\"128\",\"actual\":\"127\"}");
    }
    findings.append(']');
    return RuleFindingsBuilder.builder().reportId(h.reportId()).rule(rule).count(count).errors(count)
        .findings(findings.toString()).agency(h.agency()).agencyNorm(h.agencyNorm()).year(h.year())
        .province(h.province()).city(h.city()).county(h.county()).status(h.status()).reportErrors(h.errors())
        .reportWarnings(h.warnings()).reportNotes(h.notes()).title(h.title()).uploadedAt(h.uploadedAt()).reportRules(h.ruleIds()).reviewState(h.reviewState())
        .reportIndicators(h.indicators()).agencyKey(h.agencyKey()).build();
  }
}

package nianbao.store.lists;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReaders;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Sections;
import nianbao.core.model.Source;

/**
 * Reports made in code for the list tests and the cost program: agencies of every region shape (province, city,
 * county, a county without a city, a municipality's district, no region), years 2019–2024, findings of several
 * rules and severities. Deterministic for a seed.
 */
final class GeneratedReports {
  static final String BUCKET = "reports";
  static final String TXT = DocumentReaders.reader("txt").version();
  static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  record Place(Region region, String prefix) {}

  static final List<Place> PLACES = List.of(
      new Place(new Region("410000", "河南省", null, null), "河南省"),
      new Place(new Region("410700", "河南省", "新乡市", null), "新乡市"),
      new Place(new Region("410721", "河南省", "新乡市", "新乡县"), "新乡县"),
      new Place(new Region("410724", "河南省", "新乡市", "获嘉县"), "获嘉县"),
      new Place(new Region("419001", "河南省", null, "济源市"), "济源市"),
      new Place(new Region("320800", "江苏省", "淮安市", null), "淮安市"),
      new Place(new Region("320813", "江苏省", "淮安市", "洪泽区"), "淮安市洪泽区"),
      new Place(new Region("110101", "北京市", null, "东城区"), "北京市东城区"),
      new Place(null, "某某"));

  static final List<String> BODIES = List.of("人民政府", "人民政府办公室", "教育局", "公安局", "财政局",
      "自然资源和规划局", "卫生健康委员会");

  static final List<String> RULES = List.of("B1", "B2", "B3", "C1", "A1");

  private final Random random;

  GeneratedReports(long seed) {
    this.random = new Random(seed);
  }

  Place place() {
    return PLACES.get(random.nextInt(PLACES.size()));
  }

  String body() {
    return BODIES.get(random.nextInt(BODIES.size()));
  }

  int year() {
    return 2019 + random.nextInt(6);
  }

  /** Report {@code i} of an agency: some findings of some rules (errors, warnings, reading notes). */
  Report report(Place place, String body, int year, int i) {
    List<Finding> findings = new ArrayList<>();
    for (String rule : RULES) {
      int roll = random.nextInt(10);
      if (roll == 0) {
        findings.add(Finding.error(rule, Location.section("三"), rule + " 不符", 1, 2));
      } else if (roll == 1) {
        findings.add(Finding.error(rule, Location.section("三"), rule + " 不符", 1, 2));
        findings.add(Finding.error(rule, Location.section("四"), rule + " 不符", 3, 4));
      } else if (roll == 2) {
        findings.add(Finding.warning(rule, Location.section("三"), rule + " 存疑", 1, 2));
      }
    }
    if (random.nextInt(4) == 0) {
      findings.add(Finding.note("S2", Location.section("三"), "读取说明", 1, 2));
    }
    String agency = place.prefix() + body;
    String sha = ReportReader.sha256((agency + year + "#" + i).getBytes(StandardCharsets.UTF_8));
    return new Report(Report.SCHEMA_VERSION, new Source(i + ".txt", sha, "txt", "UTF-8", TXT),
        agency + year + "年政府信息公开工作年度报告", agency, year, Report.TEMPLATE_2021, place.region(),
        new Sections(null, null, null), null, applications(), reviewAndLitigation(), findings);
  }

  /**
   * Table B's 总计 column filled for most reports — small and large numbers of cases, so indicators are known,
   * over a small base (fewer than ten) or unknown (a blank table) — the other columns blank.
   */
  private Applications applications() {
    Applications b = Applications.blank();
    if (random.nextInt(5) == 0) {
      return b;
    }
    int scale = random.nextBoolean() ? 8 : 200;
    long handled = 0;
    for (String row : Applications.OUTCOME_ROWS) {
      long v = random.nextInt(3) == 0 ? random.nextInt(scale / 4 + 1) : 0;
      b.rows().get(row).set(Applications.TOTAL_COLUMN, v);
      handled += v;
    }
    long carried = random.nextInt(scale / 8 + 1);
    b.rows().get("newReceived").set(Applications.TOTAL_COLUMN,
        Math.max(0, handled + random.nextInt(5) - carried));
    b.rows().get("carriedOver").set(Applications.TOTAL_COLUMN, carried);
    b.rows().get("total").set(Applications.TOTAL_COLUMN, handled);
    b.rows().get("carriedForward").set(Applications.TOTAL_COLUMN, (long) random.nextInt(scale / 10 + 1));
    return b;
  }

  private ReviewAndLitigation reviewAndLitigation() {
    if (random.nextInt(4) == 0) {
      return null;
    }
    List<ReviewAndLitigation.Group> groups = new ArrayList<>();
    for (int g = 0; g < 3; g++) {
      long upheld = random.nextInt(15);
      long corrected = random.nextInt(4);
      groups.add(ReviewAndLitigation.Group.of(List.of(upheld, corrected, 0L, 0L, upheld + corrected)));
    }
    return new ReviewAndLitigation(groups.get(0), groups.get(1), groups.get(2));
  }

  boolean chance(int inTen) {
    return random.nextInt(10) < inTen;
  }

  int below(int n) {
    return random.nextInt(n);
  }
}

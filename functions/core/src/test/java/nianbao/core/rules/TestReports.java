package nianbao.core.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.ReviewAndLitigation.Group;
import nianbao.core.model.Sections;
import nianbao.core.recognise.RecognisedReport;

/** Crafted reports for rule tests: one consistent report with non-zero values, and ways to break it. */
final class TestReports {
  private TestReports() {}

  /** Applicant columns of each row; the total column is their sum. B1, B2, B3 and C1 all hold. */
  private static final Object[][] ROWS = {
      {"newReceived", 52, 14, 5, 3, 5, 6}, {"carriedOver", 4, 1, 0, 1, 0, 2},
      {"granted", 15, 5, 1, 1, 2, 2}, {"partiallyGranted", 6, 2, 1, 1, 1, 1},
      {"denied.stateSecret", 1, 0, 0, 0, 0, 0}, {"denied.prohibitedByLaw", 0, 1, 0, 0, 0, 0},
      {"denied.threeSecurityOneStability", 1, 0, 0, 0, 0, 0}, {"denied.thirdPartyRights", 2, 1, 0, 0, 0, 0},
      {"denied.internalAffairs", 1, 0, 0, 0, 0, 0}, {"denied.processInformation", 2, 0, 0, 1, 0, 0},
      {"denied.lawEnforcementFile", 1, 0, 0, 0, 0, 0}, {"denied.administrativeQuery", 1, 0, 0, 0, 0, 1},
      {"unavailable.notHeld", 12, 2, 1, 0, 1, 1}, {"unavailable.needsCreation", 1, 0, 0, 0, 0, 0},
      {"unavailable.unclearAfterCorrection", 1, 0, 0, 0, 0, 0}, {"notProcessed.complaint", 3, 0, 0, 1, 0, 0},
      {"notProcessed.duplicate", 1, 1, 0, 0, 0, 0}, {"notProcessed.publication", 0, 0, 0, 0, 0, 1},
      {"notProcessed.massRepeated", 1, 0, 0, 0, 0, 0}, {"notProcessed.confirmation", 1, 0, 0, 0, 0, 0},
      {"other.overdueCorrection", 1, 1, 0, 0, 0, 0}, {"other.overdueFee", 0, 1, 0, 0, 0, 0},
      {"other.other", 2, 0, 1, 0, 0, 1}, {"total", 53, 14, 4, 4, 4, 7}, {"carriedForward", 3, 1, 1, 0, 1, 1}};

  static final String OVERVIEW = "2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。全年共收到政府信息公开申请85件，均按时答复。"
      + "全年办理行政复议4件。";
  static final String PROBLEMS = "一是公开内容不够全面，部分领域信息更新不及时；二是政策解读形式单一，图解、视频解读较少；"
      + "三是工作人员业务能力有待提高。下一步，我局将加强培训，完善审核发布机制，丰富解读形式，持续提升政府信息公开工作质量。";

  static Report consistent() {
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    for (Object[] row : ROWS) {
      List<Long> cells = new ArrayList<>();
      long sum = 0;
      for (int i = 1; i <= 6; i++) {
        long v = ((Integer) row[i]).longValue();
        cells.add(v);
        sum += v;
      }
      cells.add(sum);
      rows.put((String) row[0], cells);
    }
    Proactive2021 proactive = new Proactive2021(new Proactive2021.DocumentCounts(1L, 0L, 7L),
        new Proactive2021.DocumentCounts(12L, 3L, 58L), 2187L, 436L, 19L, "312.0456");
    ReviewAndLitigation review = new ReviewAndLitigation(new Group(2L, 1L, 0L, 1L, 4L),
        new Group(1L, 0L, 1L, 1L, 3L), new Group(0L, 1L, 0L, 0L, 1L));
    return new Report(1, null, "新乡市牧野区市场监督管理局2023年政府信息公开工作年度报告", "新乡市牧野区市场监督管理局", 2023,
        Report.TEMPLATE_2021, new Region("410711", "河南省", "新乡市", "牧野区"),
        new Sections(OVERVIEW, PROBLEMS, "本年度未收取信息处理费。"), proactive,
        new Applications(Applications.COLUMNS, rows), review, List.of());
  }

  static RecognisedReport recognised(Report report) {
    return new RecognisedReport(report, List.of(), List.of(), List.of(), 4);
  }

  /** The report with one cell of table B changed. */
  static Report withCell(Report report, String row, String column, Long value) {
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    report.applications().rows().forEach((k, v) -> rows.put(k, new ArrayList<>(v)));
    rows.get(row).set(Applications.COLUMNS.indexOf(column), value);
    return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
        report.template(), report.region(), report.sections(), report.proactive(),
        new Applications(Applications.COLUMNS, rows), report.reviewAndLitigation(), List.of());
  }

  static Report withReview(Report report, ReviewAndLitigation review) {
    return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
        report.template(), report.region(), report.sections(), report.proactive(), report.applications(), review,
        List.of());
  }

  static Report withSections(Report report, Sections sections) {
    return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
        report.template(), report.region(), sections, report.proactive(), report.applications(),
        report.reviewAndLitigation(), List.of());
  }

  static Report withTitle(Report report, String title, String agency, Integer year) {
    return new Report(report.schemaVersion(), report.source(), title, agency, year, report.template(),
        report.region(), report.sections(), report.proactive(), report.applications(), report.reviewAndLitigation(),
        List.of());
  }

  static Report withProactive(Report report, Proactive2021 proactive) {
    return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
        report.template(), report.region(), report.sections(), proactive, report.applications(),
        report.reviewAndLitigation(), List.of());
  }

  static Report withYear(Report report, int year) {
    return withTitle(report, report.title(), report.agency(), year);
  }

  static List<String> rules(List<nianbao.core.model.Finding> findings) {
    return findings.stream().map(nianbao.core.model.Finding::rule).toList();
  }

  static List<nianbao.core.model.Finding> run(Rule rule, RecognisedReport report) {
    List<nianbao.core.model.Finding> out = new ArrayList<>();
    rule.check(report, out);
    return out;
  }

  static List<Location> missing(String... sectionsAndRows) {
    return Arrays.stream(sectionsAndRows).map(s -> s.contains(":")
        ? Location.row(s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1)) : Location.section(s)).toList();
  }
}

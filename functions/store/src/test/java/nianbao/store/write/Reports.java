package nianbao.store.write;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReaders;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import nianbao.core.model.Source;

/** Reports and uploads made in code for the decision's tests: one agency, its years, its corrections. */
final class Reports {
  static final String BUCKET = "reports";
  static final String AGENCY = "新乡县人民政府";
  static final Region XINXIANG = new Region("410721", "河南省", "新乡市", "新乡县");
  static final String TXT = DocumentReaders.reader("txt").version();
  private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

  private Reports() {}

  /**
   * The agency's report of {@code year}; table B's natural-person column carries over {@code carriedOver} and
   * forward {@code carriedForward} (X2 compares them across years); {@code edition} tells corrections apart.
   */
  static Report report(int year, long carriedOver, long carriedForward, String edition, Finding... findings) {
    return report(AGENCY, year, carriedOver, carriedForward, edition, TXT, findings);
  }

  static Report report(String agency, Integer year, long carriedOver, long carriedForward, String edition,
      String reader, Finding... findings) {
    return report(agency, XINXIANG, year, carriedOver, carriedForward, edition, reader, findings);
  }

  /** As above, of an agency of {@code region}. */
  static Report report(String agency, Region region, Integer year, long carriedOver, long carriedForward,
      String edition, String reader, Finding... findings) {
    Applications b = Applications.blank();
    b.rows().get("carriedOver").set(0, carriedOver);
    b.rows().get("carriedForward").set(0, carriedForward);
    String sha = ReportReader.sha256((agency + year + edition).getBytes(StandardCharsets.UTF_8));
    return new Report(Report.SCHEMA_VERSION, new Source(year + edition + ".txt", sha, "txt", "UTF-8", reader),
        agency + year + "年政府信息公开工作年度报告", agency, year, Report.TEMPLATE_2021, region,
        new Sections(null, null, null), null, b, null, new ArrayList<>(List.of(findings)));
  }

  /** The id a report is stored under. */
  static String id(Report r) {
    return nianbao.store.Identity.of(r, r.source().sha256()).reportId();
  }

  /** The fingerprint of the report's first finding of {@code rule}. */
  static String fingerprint(Report r, String rule) {
    return nianbao.core.review.FindingReviews.identify(r.findings()).stream().filter(f -> f.rule().equals(rule))
        .findFirst().orElseThrow().fingerprint();
  }

  static Finding error(String rule) {
    return Finding.error(rule, Location.section("三"), rule + " 不符", 1, 2);
  }

  static Finding warning(String rule) {
    return Finding.warning(rule, Location.section("三"), rule + " 存疑", 1, 2);
  }

  static Finding note(String rule) {
    return Finding.note(rule, Location.section("三"), rule + " 如何读取", 1, 2);
  }

  /** An object created {@code second}s after the first upload, with sequencer {@code sequencer}. */
  static UploadedObject upload(String key, String objectVersionId, int second, String sequencer) {
    return new UploadedObject(BUCKET, key, objectVersionId, "etag-" + key + "-" + objectVersionId, 1000L, sequencer,
        T0.plusSeconds(second));
  }
}

package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One annual report as docs/FORMAT.md's JSON (schemaVersion 1). Blank cells are {@code null}, never 0.
 *
 * @param evidence where each filled cell was read, keyed by {@link Evidence#key}; empty (and left out of the JSON)
 *                 for reports read before evidence was recorded
 * @param dated    the date the report prints for itself (发布日期 or 落款), or null (left out of the JSON) when it
 *                 prints none or was read before dates were looked for
 */
@JsonPropertyOrder({"schemaVersion", "source", "title", "agency", "year", "template", "region", "sections",
    "proactive", "applications", "reviewAndLitigation", "findings", "evidence", "dated"})
public record Report(
    int schemaVersion,
    Source source,
    String title,
    String agency,
    Integer year,
    String template,
    Region region,
    Sections sections,
    Proactive proactive,
    Applications applications,
    ReviewAndLitigation reviewAndLitigation,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Evidence> evidence,
    @JsonInclude(JsonInclude.Include.NON_NULL) PrintedDate dated) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TEMPLATE_2021 = "2021";
  public static final String TEMPLATE_2019 = "2019";

  @JsonCreator // the canonical constructor, not the one without evidence
  public Report {
    evidence = evidence == null ? Map.of() : evidence;
  }

  /** A report without evidence (built by hand, or read before evidence was recorded). */
  public Report(int schemaVersion, Source source, String title, String agency, Integer year, String template,
      Region region, Sections sections, Proactive proactive, Applications applications,
      ReviewAndLitigation reviewAndLitigation, List<Finding> findings) {
    this(schemaVersion, source, title, agency, year, template, region, sections, proactive, applications,
        reviewAndLitigation, findings, Map.of(), null);
  }

  /** A report with evidence and without a printed date. */
  public Report(int schemaVersion, Source source, String title, String agency, Integer year, String template,
      Region region, Sections sections, Proactive proactive, Applications applications,
      ReviewAndLitigation reviewAndLitigation, List<Finding> findings, Map<String, Evidence> evidence) {
    this(schemaVersion, source, title, agency, year, template, region, sections, proactive, applications,
        reviewAndLitigation, findings, evidence, null);
  }

  public Report withFindings(List<Finding> newFindings) {
    return new Report(schemaVersion, source, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, List.copyOf(newFindings), evidence, dated);
  }

  public Report withSource(Source newSource) {
    return new Report(schemaVersion, newSource, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, findings, evidence, dated);
  }

  public Report withEvidence(Map<String, Evidence> newEvidence) {
    return new Report(schemaVersion, source, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, findings, newEvidence, dated);
  }

  public Report withDated(PrintedDate newDated) {
    return new Report(schemaVersion, source, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, findings, evidence, newDated);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}

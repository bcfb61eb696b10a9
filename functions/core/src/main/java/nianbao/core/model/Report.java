package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One annual report as docs/FORMAT.md's JSON (schemaVersion 1). Blank cells are {@code null}, never 0. */
@JsonPropertyOrder({"schemaVersion", "source", "title", "agency", "year", "template", "region", "sections",
    "proactive", "applications", "reviewAndLitigation", "findings"})
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
    List<Finding> findings) {

  public static final int SCHEMA_VERSION = 1;
  public static final String TEMPLATE_2021 = "2021";
  public static final String TEMPLATE_2019 = "2019";

  public Report withFindings(List<Finding> newFindings) {
    return new Report(schemaVersion, source, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, List.copyOf(newFindings));
  }

  public Report withSource(Source newSource) {
    return new Report(schemaVersion, newSource, title, agency, year, template, region, sections, proactive,
        applications, reviewAndLitigation, findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}

package nianbao.store;

import java.util.List;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.store.item.RuleFindings;

/** Findings as docs/FORMAT.md JSON arrays, the way heads and rule items store them. */
public final class Findings {
  private Findings() {}

  public static String write(List<Finding> findings) {
    if (findings == null || findings.isEmpty()) {
      return null;
    }
    return ReportJson.writeFindings(findings);
  }

  public static List<Finding> read(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = ReportJson.readFindings(json);
    return findings == null ? List.of() : findings;
  }

  public static List<Finding> of(RuleFindings item) {
    if (item.findings() != null) {
      return read(item.findings());
    }
    if (item.findingsGz() != null) {
      return read(Bodies.gunzip(item.findingsGz().asByteArray()));
    }
    return List.of();
  }
}

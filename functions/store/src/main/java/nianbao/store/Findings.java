package nianbao.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Finding;
import nianbao.store.item.RuleFindings;

/** Findings as FORMAT.md JSON arrays, the way heads and rule items store them. */
public final class Findings {
  private static final TypeReference<List<Finding>> LIST = new TypeReference<>() {};

  private Findings() {}

  public static String write(List<Finding> findings) {
    if (findings == null || findings.isEmpty()) {
      return null;
    }
    try {
      return ReportJson.MAPPER.writeValueAsString(findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Finding> read(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return ReportJson.MAPPER.readValue(json, LIST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

package nianbao.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nianbao.core.model.Finding;
import nianbao.core.model.Severity;

/**
 * A report's three tables scored against an expectation (core's corpus expectations: FORMAT.md's tables, null
 * where the document prints nothing legible, and the table-rule findings the original has): cells right, wrong
 * (a value other than the printed one, or a value where none is printed) and null where printed; table-rule
 * errors raised falsely and expected ones missed.
 */
public record CellScore(int right, List<String> wrong, List<String> nullWherePrinted, List<String> falseErrors,
    List<String> missedFindings) {
  static final Set<String> TABLE_RULES = Set.of("B1", "B2", "B3", "C1");
  private static final List<String> TABLES = List.of("proactive", "applications", "reviewAndLitigation");

  static CellScore of(JsonNode expected, JsonNode actual, List<Finding> findings) {
    int[] right = {0};
    List<String> wrong = new ArrayList<>();
    List<String> nulls = new ArrayList<>();
    for (String table : TABLES) {
      JsonNode want = expected.path(table);
      if (want.isObject()) {
        boolean rows = table.equals("applications");
        compare(table, rows ? want.path("rows") : want, rows ? actual.path(table).path("rows") : actual.path(table),
            right, wrong, nulls);
      }
    }
    Set<String> expectedRules = new TreeSet<>();
    expected.path("expectedFindings").forEach(f -> expectedRules.add(f.path("rule").asText()));
    List<String> falseErrors = findings.stream()
        .filter(f -> TABLE_RULES.contains(f.rule()) && f.severity() == Severity.ERROR
            && !expectedRules.contains(f.rule()))
        .map(f -> f.rule() + " " + f.message()).toList();
    List<String> missed = expectedRules.stream().filter(TABLE_RULES::contains)
        .filter(rule -> findings.stream().noneMatch(f -> f.rule().equals(rule))).toList();
    return new CellScore(right[0], wrong, nulls, falseErrors, missed);
  }

  public int printed() {
    return right + wrong.size() + nullWherePrinted.size();
  }

  private static void compare(String path, JsonNode want, JsonNode got, int[] right, List<String> wrong,
      List<String> nulls) {
    if (want.isArray()) {
      for (int i = 0; i < want.size(); i++) {
        compare(path + "[" + i + "]", want.get(i), got.path(i), right, wrong, nulls);
      }
      return;
    }
    if (want.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "." + e.getKey(), e.getValue(), got.path(e.getKey()), right, wrong, nulls);
      }
      return;
    }
    boolean blank = got.isNull() || got.isMissingNode();
    if (want.isNull()) {
      if (!blank) {
        wrong.add(path + ": expected null, read " + got);
      }
    } else if (blank) {
      nulls.add(path + ": expected " + want);
    } else if (want.asText().equals(got.asText())) {
      right[0]++;
    } else {
      wrong.add(path + ": expected " + want + ", read " + got);
    }
  }
}

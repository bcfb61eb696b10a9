package nianbao.core.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nianbao.core.model.Finding;
import nianbao.core.model.Severity;

/**
 * The corpus's figures, per form and overall: table cells right, wrong and left null where the document
 * prints them; table-rule findings raised falsely and missed; tables the reader said it was unsure of (T1);
 * reports refused and non-reports accepted. One {@link DocumentScore} per document says what went wrong there.
 */
final class CorpusScore {
  /** The rules whose verdicts on the tables the corpus's expectations list. */
  static final Set<String> TABLE_RULES = Set.of("B1", "B2", "B3", "C1", "X1");
  static final String UNSURE_TABLE_RULE = "T1";
  private static final List<String> TABLES = List.of("proactive", "applications", "reviewAndLitigation");

  private final Map<String, Tally> forms = new TreeMap<>();
  /** One line per document that is not read entirely right, for finding what to mend. */
  private final Map<String, String> shortfalls = new TreeMap<>();

  /** What one document got wrong; empty lists when it was read as expected. */
  record DocumentScore(int right, List<String> wrongCells, List<String> nullWherePrinted, List<Finding> falseFindings,
      List<String> missedFindings, int unsureTables) {
    List<Finding> falseErrors() {
      return falseFindings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
  }

  /** Scores a report against its expectation ({@code actual} is the report's JSON tree). */
  synchronized DocumentScore report(String document, String form, JsonNode expected, JsonNode actual,
      List<Finding> findings) {
    int[] right = {0};
    List<String> wrong = new ArrayList<>();
    List<String> nulls = new ArrayList<>();
    for (String table : TABLES) {
      JsonNode want = expected.path(table);
      if (want.isObject()) {
        JsonNode got = actual.path(table);
        compare(table, table.equals("applications") ? want.path("rows") : want,
            table.equals("applications") ? got.path("rows") : got, right, wrong, nulls);
      }
    }
    // matched by rule id: an expected rule is met by any finding of it (B1 may be raised once per column)
    Set<String> expectedRules = new TreeSet<>();
    expected.path("expectedFindings").forEach(f -> expectedRules.add(f.path("rule").asText()));
    List<Finding> falseFindings = findings.stream()
        .filter(f -> TABLE_RULES.contains(f.rule()) && !expectedRules.contains(f.rule())).toList();
    List<String> missed = expectedRules.stream()
        .filter(rule -> findings.stream().noneMatch(f -> f.rule().equals(rule))).toList();
    int unsure = (int) findings.stream().filter(f -> f.rule().equals(UNSURE_TABLE_RULE)).count();
    DocumentScore score = new DocumentScore(right[0], wrong, nulls, falseFindings, missed, unsure);
    Tally t = tally(form);
    t.documents++;
    t.right += score.right();
    t.wrong += wrong.size();
    t.nullWherePrinted += nulls.size();
    t.falseErrors += score.falseErrors().size();
    t.falseWarnings += falseFindings.size() - score.falseErrors().size();
    t.missed += missed.size();
    t.unsure += unsure;
    if (!wrong.isEmpty() || !nulls.isEmpty() || !falseFindings.isEmpty() || !missed.isEmpty() || unsure > 0) {
      shortfalls.put(form + "/" + document, String.format(Locale.ROOT, "%d wrong, %d null, false %s, missed %s,"
          + " T1 %d", wrong.size(), nulls.size(), falseFindings.stream().map(Finding::rule).toList(), missed, unsure));
    }
    return score;
  }

  /** A report the reader refused: every cell it prints counts as left null. */
  synchronized DocumentScore refusedReport(String document, String form, JsonNode expected, String reason) {
    List<String> nulls = new ArrayList<>();
    for (String table : TABLES) {
      JsonNode want = expected.path(table);
      if (want.isObject()) {
        compare(table, table.equals("applications") ? want.path("rows") : want, null, new int[1], new ArrayList<>(),
            nulls);
      }
    }
    Tally t = tally(form);
    t.documents++;
    t.refused++;
    t.nullWherePrinted += nulls.size();
    shortfalls.put(form + "/" + document, "refused: " + reason);
    return new DocumentScore(0, List.of(), nulls, List.of(), List.of(), 0);
  }

  synchronized void nonReport(String form, boolean refused) {
    Tally t = tally(form);
    t.documents++;
    t.nonReports++;
    if (!refused) {
      t.nonReportsAccepted++;
    }
  }

  private Tally tally(String form) {
    return forms.computeIfAbsent(form, k -> new Tally());
  }

  /** Walks the expectation's leaves; {@code got} null (or missing nodes) reads as blank. */
  private static void compare(String path, JsonNode want, JsonNode got, int[] right, List<String> wrong,
      List<String> nulls) {
    if (want.isObject() || want.isArray()) {
      Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
      if (want.isArray()) {
        for (int i = 0; i < want.size(); i++) {
          compare(path + "[" + i + "]", want.get(i), got == null ? null : got.path(i), right, wrong, nulls);
        }
        return;
      }
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        compare(path + "." + e.getKey(), e.getValue(), got == null ? null : got.path(e.getKey()), right, wrong, nulls);
      }
      return;
    }
    boolean blank = got == null || got.isNull() || got.isMissingNode();
    if (want.isNull()) {
      if (!blank) {
        // the document prints nothing legible here: a value is a guess
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

  /** The per-form table, in Markdown so that it can be pasted as it is. */
  synchronized String table() {
    StringBuilder out = new StringBuilder();
    out.append("| form | documents | cells right | wrong | null where printed | % right | false errors"
        + " | false warnings | missed findings | unsure tables (T1) | reports refused | non-reports accepted |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    Tally all = new Tally();
    forms.forEach((form, t) -> {
      row(out, form, t);
      all.add(t);
    });
    row(out, "**all**", all);
    if (!shortfalls.isEmpty()) {
      out.append("\nDocuments not read entirely right:\n\n");
      shortfalls.forEach((document, what) -> out.append("- ").append(document).append(": ").append(what).append('\n'));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String form, Tally t) {
    int printed = t.right + t.wrong + t.nullWherePrinted;
    String percent = printed == 0 ? "–" : String.format(Locale.ROOT, "%.1f", 100.0 * t.right / printed);
    out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d of %d |%n", form,
        t.documents, t.right, t.wrong, t.nullWherePrinted, percent, t.falseErrors, t.falseWarnings, t.missed,
        t.unsure, t.refused, t.nonReportsAccepted, t.nonReports));
  }

  private static final class Tally {
    int documents;
    int right;
    int wrong;
    int nullWherePrinted;
    int falseErrors;
    int falseWarnings;
    int missed;
    int unsure;
    int refused;
    int nonReports;
    int nonReportsAccepted;

    void add(Tally t) {
      documents += t.documents;
      right += t.right;
      wrong += t.wrong;
      nullWherePrinted += t.nullWherePrinted;
      falseErrors += t.falseErrors;
      falseWarnings += t.falseWarnings;
      missed += t.missed;
      unsure += t.unsure;
      refused += t.refused;
      nonReports += t.nonReports;
      nonReportsAccepted += t.nonReportsAccepted;
    }
  }
}

package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.model.Applications;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.vocabulary.Vocabulary;
import nianbao.store.Summary;

/**
 * {@code GET /summary}: one stored summary item (one GetItem, whatever the number of reports), shaped for the page:
 * counts by status, findings by rule, reports by city, the sums of tables A, B and C, and the shares of the six
 * outcomes.
 */
public final class SummaryRoutes {
  /** The six outcome groups of table B (予以公开 … 其他处理) and the rows each sums. */
  static final Map<String, List<String>> OUTCOMES = new LinkedHashMap<>();
  static final Map<String, String> OUTCOME_LABELS = new LinkedHashMap<>();

  static {
    for (Vocabulary.Term outcome : Vocabulary.OUTCOMES) {
      OUTCOMES.put(outcome.key(), Vocabulary.outcomeRows(outcome.key()));
      OUTCOME_LABELS.put(outcome.key(), outcome.label());
    }
  }

  /** Table A cells on the 2021 template, and on the 2019 template. */
  static final Map<String, List<String>> TABLE_A = new LinkedHashMap<>();
  static final Map<String, List<String>> TABLE_A_2019 = new LinkedHashMap<>();

  static {
    TABLE_A.put("regulations", List.of("issued", "repealed", "inForce"));
    TABLE_A.put("normativeDocuments", List.of("issued", "repealed", "inForce"));
    TABLE_A.put("licensing", List.of());
    TABLE_A.put("punishment", List.of());
    TABLE_A.put("enforcement", List.of());
    TABLE_A.put("fees", List.of());
    TABLE_A_2019.put("regulations", List.of("newlyMade", "newlyPublished", "publishedTotal"));
    TABLE_A_2019.put("normativeDocuments", List.of("newlyMade", "newlyPublished", "publishedTotal"));
    for (String row : List.of("licensing", "otherServices", "punishment", "enforcement")) {
      TABLE_A_2019.put(row, List.of("itemsLastYear", "itemsChange", "decisions"));
    }
    TABLE_A_2019.put("fees", List.of("itemsLastYear", "itemsChange"));
    TABLE_A_2019.put("procurement", List.of("items"));
  }

  private final ApiContext ctx;

  public SummaryRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/summary", "getSummary", "汇总：按状态计数、按规则的发现、表二至表四合计、办理结果占比")
        .description("只读已存的汇总项（一次读取），成本不随报告数增长。无法读取的上传只计入不分年度、不分地区的汇总。")
        .param(Param.query("year", SharedParameters.YEAR_SCHEMA, "报告年度；缺省为全部年度"))
        .param(Param.query("province", SharedParameters.TEXT_SCHEMA, "省级行政区"))
        .param(Param.query("city", SharedParameters.TEXT_SCHEMA, "地级行政区（需同时给出 province）"))
        .json(200, "Summary", "汇总").problem(400, "参数有误").to(this::summary));
  }

  Response summary(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city"));
    Integer year = Params.year(r, "year", ctx.clock());
    String province = Params.place(r, "province");
    String city = Params.place(r, "city");
    if (city != null && province == null) {
      throw Problem.badParameter("city", "参数 city 需要同时给出 province");
    }
    Summary s = ctx.store().summary(year, province, city);
    return Response.read(Json.write(json(s)));
  }

  static ObjectNode json(Summary s) {
    ObjectNode out = Json.object();
    ObjectNode scope = out.putObject("scope");
    scope.put("year", s.year());
    scope.put("province", s.province());
    scope.put("city", s.city());
    out.put("reports", s.reports());
    ObjectNode status = out.putObject("byStatus");
    for (String st : SharedParameters.STATUSES) {
      status.put(st, s.count("status." + st));
    }
    ObjectNode review = out.putObject("byReviewState");
    for (String state : nianbao.core.review.ReviewStates.ALL) {
      review.put(state, s.count(nianbao.store.SummaryCounts.REVIEW + state));
    }
    out.put("errors", s.count("errors"));
    out.put("warnings", s.count("warnings"));
    out.put("notes", s.count("notes"));
    // the sums below are of the corrected values: say how many cells reviewers corrected, in how many reports
    ObjectNode corrections = out.putObject("corrections");
    corrections.put("reports", s.count("correctedReports"));
    corrections.put("cells", s.count("corrected"));
    ObjectNode rules = out.putObject("findingsByRule");
    s.findingsByRule().forEach(rules::put);
    // of those, the reading notes: a rule's problems are its findings less its notes
    ObjectNode notesByRule = out.putObject("notesByRule");
    s.notesByRule().forEach(notesByRule::put);
    ObjectNode ruleReports = out.putObject("reportsByRule");
    s.reportsByRule().forEach(ruleReports::put);
    ArrayNode cities = out.putArray("byCity");
    for (Summary.CityCount c : s.byCity()) {
      cities.addObject().put("province", c.province()).put("city", c.city()).put("reports", c.reports())
          .put("withErrors", c.withErrors());
    }
    ObjectNode templates = out.putObject("templates");
    templates.put("2021", s.count("template.2021"));
    templates.put("2019", s.count("template.2019"));

    out.set("proactive", tableA(s, "A.", TABLE_A));
    out.set("proactive2019", tableA(s, "A2019.", TABLE_A_2019));

    ObjectNode b = out.putObject("applications");
    ArrayNode columns = b.putArray("columns");
    Applications.COLUMNS.forEach(columns::add);
    ObjectNode rows = b.putObject("rows");
    for (String row : Applications.ROWS) {
      ArrayNode cells = rows.putArray(row);
      for (String col : Applications.COLUMNS) {
        cells.add(s.value("B." + row + "." + col).longValueExact());
      }
    }
    ObjectNode c = out.putObject("reviewAndLitigation");
    for (String group : ReviewAndLitigation.GROUPS) {
      ObjectNode g = c.putObject(group);
      for (String cell : ReviewAndLitigation.CELLS) {
        g.put(cell, s.value("C." + group + "." + cell).longValueExact());
      }
    }
    out.set("outcomes", outcomes(s));
    out.put("updatedAt", s.updatedAt());
    return out;
  }

  private static ObjectNode tableA(Summary s, String prefix, Map<String, List<String>> layout) {
    ObjectNode a = Json.object();
    layout.forEach((row, cells) -> {
      if (cells.isEmpty()) {
        BigDecimal v = s.value(prefix + row);
        if (row.equals("fees")) {
          a.put(row, v.stripTrailingZeros().toPlainString());
        } else {
          a.put(row, v.longValueExact());
        }
      } else {
        ObjectNode o = a.putObject(row);
        cells.forEach(cell -> o.put(cell, s.value(prefix + row + "." + cell).longValueExact()));
      }
    });
    return a;
  }

  /**
   * The six outcomes of applications, from table B's total column: counts and each one's share of their sum (not of
   * row 总计, which a report with a B3 error states differently). Shares are null while nothing is counted.
   */
  static ObjectNode outcomes(Summary s) {
    Map<String, BigDecimal> counts = new LinkedHashMap<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, List<String>> e : OUTCOMES.entrySet()) {
      BigDecimal n = BigDecimal.ZERO;
      for (String row : e.getValue()) {
        n = n.add(s.value("B." + row + ".total"));
      }
      counts.put(e.getKey(), n);
      sum = sum.add(n);
    }
    ObjectNode out = Json.object();
    for (Map.Entry<String, BigDecimal> e : counts.entrySet()) {
      ObjectNode o = out.putObject(e.getKey());
      o.put("label", OUTCOME_LABELS.get(e.getKey()));
      o.put("count", e.getValue().longValueExact());
      if (sum.signum() == 0) {
        o.putNull("share");
      } else {
        o.put("share", e.getValue().divide(sum, new MathContext(10)).setScale(4, RoundingMode.HALF_EVEN)
            .doubleValue());
      }
    }
    return out;
  }
}

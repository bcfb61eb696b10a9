package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import nianbao.core.model.Finding;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.store.ReportView;

/**
 * {@code GET /agencies/{agency}/reports}: one agency's reports by year (one BatchGetItem over the plausible years),
 * each with its cross-year findings (X2 carry-over, X4, X5), and a cell-by-cell difference of tables A, B and C
 * between two years ({@code from}, {@code to}; by default the latest two).
 */
public final class AgencyRoutes {
  private final ApiContext ctx;

  public AgencyRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/agencies/{agency}/reports", "getAgencyReports", "一个机关各年度的报告与跨年对比")
        .description("agency 为报告详情中的 agencyKey。diff 列出两年之间表二、表三、表四的每个单元格；"
            + "两年模板不同时不比较表二。")
        .param(Param.path("agency", "{\"type\":\"string\",\"pattern\":\"^[0-9a-z]{16}$\"}", "机关编号（agencyKey）"))
        .param(Param.query("from", SharedParameters.YEAR_SCHEMA, "比较的起始年度；缺省为最近两个年度中较早的一个"))
        .param(Param.query("to", SharedParameters.YEAR_SCHEMA, "比较的终止年度；缺省为最近的年度"))
        .json(200, "AgencyReports", "各年度报告与差异").problem(400, "参数有误").problem(404, "没有该机关或该年度的报告")
        .to(this::agency));
  }

  Response agency(Request r) {
    Params.onlyKnown(r, Set.of("from", "to"));
    String key = r.param("agency");
    if (key == null || !key.matches("[0-9a-z]{16}")) {
      throw Problem.notFound("没有编号为 “" + key + "” 的机关");
    }
    Integer from = Params.year(r, "from", ctx.clock());
    Integer to = Params.year(r, "to", ctx.clock());
    if ((from == null) != (to == null)) {
      throw Problem.badParameter(from == null ? "from" : "to", "参数 from 与 to 须同时给出（或都不给出）");
    }
    if (from != null && from >= to) {
      throw Problem.badParameter("to", from.equals(to) ? "参数 from 与 to 须为不同的年度"
          : "参数 from（" + from + "）应早于 to（" + to + "）");
    }
    List<ReportView> heads = ctx.store().agencyReports(key, Params.FIRST_YEAR, Year.now(ctx.clock()).getValue())
        .stream().filter(h -> !h.rejected()).toList();
    if (heads.isEmpty()) {
      var merged = new nianbao.store.AgencyMerges(ctx.store(), ctx.writer(), ctx.clock()).mergeOf(key)
          .filter(m -> !"SPLITTING".equals(m.state()));
      if (merged.isPresent()) {
        throw Problem.notFound("机关 " + key + " 已合并到机关 " + merged.get().intoKey() + "，其报告在那里")
            .with("mergedInto", merged.get().intoKey());
      }
      throw Problem.notFound("没有机关编号为 " + key + " 的报告");
    }
    ReportView latest = heads.get(heads.size() - 1);
    ObjectNode out = Json.object();
    out.put("agencyKey", key);
    out.put("agency", latest.agency());
    ObjectNode region = out.putObject("region");
    region.put("code", latest.region().code());
    region.put("province", latest.region().province());
    region.put("city", latest.region().city());
    region.put("county", latest.region().county());
    ArrayNode years = out.putArray("years");
    for (ReportView h : heads) {
      ObjectNode y = years.addObject();
      y.put("year", h.year());
      y.put("id", h.id());
      y.put("agency", h.agency());
      y.put("title", h.title());
      y.put("status", h.status());
      y.put("errors", h.errors());
      y.put("warnings", h.warnings());
      y.put("notes", h.notes());
      List<Finding> cross = h.crossYearFindings();
      y.set("crossYearFindings", Json.tree(cross));
      y.put("carryOverConsistent", h.year() != null && hasYear(heads, h.year() - 1)
          ? cross.stream().noneMatch(f -> f.rule().equals("X2")) : null);
    }
    if (from == null && heads.size() >= 2) {
      from = heads.get(heads.size() - 2).year();
      to = latest.year();
    }
    if (from == null) {
      out.putNull("diff");
    } else {
      Report ra = ctx.store().currentReport(byYear(heads, from, key));
      Report rb = ctx.store().currentReport(byYear(heads, to, key));
      out.set("diff", diff(from, to, ra, rb));
    }
    return Response.read(Json.write(out));
  }

  private static boolean hasYear(List<ReportView> heads, int year) {
    return heads.stream().anyMatch(h -> Objects.equals(h.year(), year));
  }

  private static ReportView byYear(List<ReportView> heads, int year, String key) {
    return heads.stream().filter(h -> Objects.equals(h.year(), year)).findFirst()
        .orElseThrow(() -> Problem.notFound("机关 " + key + " 没有 " + year + " 年度的报告"));
  }

  static ObjectNode diff(int fromYear, int toYear, Report from, Report to) {
    ObjectNode out = Json.object();
    out.put("from", fromYear);
    out.put("to", toYear);
    out.put("fromTemplate", from.template());
    out.put("toTemplate", to.template());
    boolean sameTemplate = Objects.equals(from.template(), to.template());
    out.put("tableACompared", sameTemplate);
    ArrayNode cells = out.putArray("cells");
    int changed = 0;
    if (sameTemplate) {
      for (Cell c : tableA(from, to)) {
        changed += add(cells, c);
      }
    }
    for (String row : Applications.ROWS) {
      for (int i = 0; i < Applications.COLUMNS.size(); i++) {
        changed += add(cells, new Cell("三", row, Applications.COLUMNS.get(i), bCell(from, row, i), bCell(to, row, i)));
      }
    }
    for (String group : ReviewAndLitigation.GROUPS) {
      for (String cell : ReviewAndLitigation.CELLS) {
        changed += add(cells, new Cell("四", group, cell, cCell(from, group, cell), cCell(to, group, cell)));
      }
    }
    out.put("changed", changed);
    return out;
  }

  record Cell(String section, String row, String column, Object from, Object to) {}

  private static int add(ArrayNode cells, Cell c) {
    ObjectNode o = cells.addObject();
    o.put("section", c.section());
    o.put("row", c.row());
    if (c.column() != null) {
      o.put("column", c.column());
    }
    put(o, "from", c.from());
    put(o, "to", c.to());
    boolean changed = !Objects.equals(norm(c.from()), norm(c.to()));
    o.put("changed", changed);
    if (c.from() instanceof Long a && c.to() instanceof Long b) {
      o.put("delta", b - a);
    } else if (c.from() instanceof String a && c.to() instanceof String b) {
      try {
        o.put("delta", new BigDecimal(b).subtract(new BigDecimal(a)).toPlainString());
      } catch (NumberFormatException e) {
        o.putNull("delta");
      }
    } else {
      o.putNull("delta");
    }
    return changed ? 1 : 0;
  }

  private static Object norm(Object v) {
    if (v instanceof String s) {
      try {
        return new BigDecimal(s).stripTrailingZeros();
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return v;
  }

  private static void put(ObjectNode o, String name, Object v) {
    if (v instanceof Long l) {
      o.put(name, l);
    } else if (v instanceof String s) {
      o.put(name, s);
    } else {
      o.putNull(name);
    }
  }

  private static Long bCell(Report r, String row, int column) {
    return r.applications() == null ? null : r.applications().cell(row, column);
  }

  private static Long cCell(Report r, String group, String cell) {
    ReviewAndLitigation c = r.reviewAndLitigation();
    return c == null || c.group(group) == null ? null : c.group(group).cell(cell);
  }

  private static List<Cell> tableA(Report from, Report to) {
    List<Cell> cells = new ArrayList<>();
    Map<String, Object> a = tableAValues(from);
    Map<String, Object> b = tableAValues(to);
    for (String k : a.keySet()) {
      int dot = k.indexOf('.');
      cells.add(new Cell("二", dot < 0 ? k : k.substring(0, dot), dot < 0 ? null : k.substring(dot + 1), a.get(k),
          b.get(k)));
    }
    return cells;
  }

  /** Table A as {@code row.cell} → value (Long, or String for amounts), every cell of the template present. */
  static Map<String, Object> tableAValues(Report r) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    if (Report.TEMPLATE_2019.equals(r.template())) {
      Proactive2019 a = r.proactive() instanceof Proactive2019 p ? p : null;
      pub(v, "regulations", a == null ? null : a.regulations());
      pub(v, "normativeDocuments", a == null ? null : a.normativeDocuments());
      items(v, "licensing", a == null ? null : a.licensing());
      items(v, "otherServices", a == null ? null : a.otherServices());
      items(v, "punishment", a == null ? null : a.punishment());
      items(v, "enforcement", a == null ? null : a.enforcement());
      v.put("fees.itemsLastYear", a == null || a.fees() == null ? null : a.fees().itemsLastYear());
      v.put("fees.itemsChange", a == null || a.fees() == null ? null : a.fees().itemsChange());
      v.put("procurement.items", a == null || a.procurement() == null ? null : a.procurement().items());
      v.put("procurement.amount", a == null || a.procurement() == null ? null : a.procurement().amount());
    } else {
      Proactive2021 a = r.proactive() instanceof Proactive2021 p ? p : null;
      docs(v, "regulations", a == null ? null : a.regulations());
      docs(v, "normativeDocuments", a == null ? null : a.normativeDocuments());
      v.put("licensing", a == null ? null : a.licensing());
      v.put("punishment", a == null ? null : a.punishment());
      v.put("enforcement", a == null ? null : a.enforcement());
      v.put("fees", a == null ? null : a.fees());
    }
    return v;
  }

  private static void docs(Map<String, Object> v, String row, Proactive2021.DocumentCounts d) {
    v.put(row + ".issued", d == null ? null : d.issued());
    v.put(row + ".repealed", d == null ? null : d.repealed());
    v.put(row + ".inForce", d == null ? null : d.inForce());
  }

  private static void pub(Map<String, Object> v, String row, Proactive2019.Publications p) {
    v.put(row + ".newlyMade", p == null ? null : p.newlyMade());
    v.put(row + ".newlyPublished", p == null ? null : p.newlyPublished());
    v.put(row + ".publishedTotal", p == null ? null : p.publishedTotal());
  }

  private static void items(Map<String, Object> v, String row, Proactive2019.Items i) {
    v.put(row + ".itemsLastYear", i == null ? null : i.itemsLastYear());
    v.put(row + ".itemsChange", i == null ? null : i.itemsChange());
    v.put(row + ".decisions", i == null ? null : i.decisions());
  }
}

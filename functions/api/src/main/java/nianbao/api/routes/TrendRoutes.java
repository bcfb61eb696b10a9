package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Year;
import java.util.ArrayList;
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
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Indicators;
import nianbao.core.indicators.Share;
import nianbao.store.IndicatorFigures;
import nianbao.store.ReportView;
import nianbao.store.Summary;

/**
 * {@code GET /trends}: a region's (the country, a province, a city or a county) totals and indicators across all its years (its summary items: one BatchGetItem),
 * or one agency's key figures across its years (its heads: one BatchGetItem).
 */
public final class TrendRoutes {
  private final ApiContext ctx;

  public TrendRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/trends", "getTrends", "趋势：一个地区或一个机关历年的合计与指标")
        .description("给出 province（可加 city、county）或不给：该地区每个年度的报告数、有错误的报告数、错误与警告数、"
            + "本年新收与办理结果总计及八项指标（按该地区各报告数值之和计算）；给出 agencyKey：该机关每年报告的"
            + "状态、错误数与指标。各年合计读自写入时维护的汇总项，一次批量读取。")
        .param(Param.query("province", SharedParameters.TEXT_SCHEMA, "省级行政区；缺省为全国"))
        .param(Param.query("city", SharedParameters.TEXT_SCHEMA, "地级行政区（需同时给出 province）"))
        .param(Param.query("county", SharedParameters.TEXT_SCHEMA,
            "县级行政区（需同时给出 province 与 city；省直辖的县级市、直辖市的区不给 city）"))
        .param(Param.query("agencyKey", "{\"type\":\"string\",\"pattern\":\"^[0-9a-z]{16}$\"}",
            "机关编号（报告详情中的 agencyKey）；不能与 province、city、county 同时给出"))
        .json(200, "Trends", "各年度").problem(400, "参数有误").problem(404, "没有这个机关的报告")
        .to(this::trends));
  }

  Response trends(Request r) {
    Params.onlyKnown(r, Set.of("province", "city", "county", "agencyKey"));
    String agencyKey = Params.text(r, "agencyKey", 16);
    String province = Params.place(r, "province");
    String city = Params.place(r, "city");
    String county = Params.place(r, "county");
    if (agencyKey != null && (province != null || city != null || county != null)) {
      throw Problem.badParameter("agencyKey", "参数 agencyKey 不能与 province、city、county 同时给出");
    }
    if (city != null && province == null) {
      throw Problem.badParameter("city", "参数 city 需要同时给出 province");
    }
    if (county != null && province == null) {
      throw Problem.badParameter("county", "参数 county 需要同时给出 province（和它所属的 city）");
    }
    int thisYear = Year.now(ctx.clock()).getValue();
    return Response.read(Json.write(agencyKey != null ? agency(agencyKey, thisYear) : region(province, city, county, thisYear)));
  }

  private ObjectNode region(String province, String city, String county, int thisYear) {
    List<Integer> years = new ArrayList<>();
    for (int y = Params.FIRST_YEAR; y <= thisYear; y++) {
      years.add(y);
    }
    ObjectNode out = Json.object();
    ObjectNode scope = out.putObject("scope");
    scope.put("province", province);
    scope.put("city", city);
    scope.put("county", county);
    out.set("indicatorDefinitions", definitions());
    ArrayNode list = out.putArray("years");
    for (Summary s : ctx.store().summaries(years, province, city, county)) {
      if (s.reports() <= 0) {
        continue;
      }
      ObjectNode y = list.addObject();
      y.put("year", s.year());
      y.put("reports", s.reports());
      y.put("withErrors", s.count("status.HAS_ERRORS"));
      y.put("errors", s.count("errors"));
      y.put("warnings", s.count("warnings"));
      y.put("newReceived", s.count("B.newReceived.total"));
      y.put("handled", s.count("B.total.total"));
      Map<Indicator, Share> shares = regionIndicators(s);
      y.set("indicators", IndicatorJson.of(shares, false));
    }
    return out;
  }

  private ObjectNode agency(String agencyKey, int thisYear) {
    if (!agencyKey.matches("[0-9a-z]{16}")) {
      throw Problem.badParameter("agencyKey", "参数 agencyKey 应为 16 位机关编号");
    }
    List<ReportView> reports = ctx.store().agencyReports(agencyKey, Params.FIRST_YEAR, thisYear).stream()
        .filter(v -> !v.rejected()).toList();
    if (reports.isEmpty()) {
      throw Problem.notFound("没有机关编号为 " + agencyKey + " 的报告");
    }
    ObjectNode out = Json.object();
    out.put("agencyKey", agencyKey);
    out.put("agency", reports.get(reports.size() - 1).agency());
    out.set("indicatorDefinitions", definitions());
    ArrayNode list = out.putArray("years");
    for (ReportView v : reports) {
      Map<Indicator, Share> shares = IndicatorFigures.read(v.indicators());
      ObjectNode y = list.addObject();
      y.put("year", v.year());
      y.put("reportId", v.id());
      y.put("agency", v.agency());
      y.put("status", v.status());
      y.put("errors", v.errors());
      y.put("warnings", v.warnings());
      Share dispute = shares.get(Indicator.DISPUTE);
      Share disclosure = shares.get(Indicator.SUBSTANTIVE_DISCLOSURE);
      y.put("newReceived", dispute == null ? null : dispute.denominator());
      y.put("handled", disclosure == null ? null : disclosure.denominator());
      y.set("indicators", IndicatorJson.of(shares, false));
    }
    return out;
  }

  /**
   * A region's indicators over the sums of its reports' cells. A summary keeps the sums of cells some report
   * printed, so a cell absent from a table whose sums exist is 0; a table no report of the region printed leaves its
   * indicators unknown.
   */
  static Map<Indicator, Share> regionIndicators(Summary s) {
    boolean b = !s.sums("B.").isEmpty();
    boolean c = !s.sums("C.").isEmpty();
    return Indicators.of(figure -> {
      boolean tableB = figure.startsWith("B.");
      if (tableB ? !b : !c) {
        return null;
      }
      return s.count(tableB ? figure + ".total" : figure);
    });
  }

  /** Each indicator's label and definition, once for the whole answer. */
  static ArrayNode definitions() {
    ArrayNode out = Json.array();
    for (Indicator i : Indicator.values()) {
      out.addObject().put("code", i.code()).put("label", i.label()).put("definition", i.definition());
    }
    return out;
  }
}

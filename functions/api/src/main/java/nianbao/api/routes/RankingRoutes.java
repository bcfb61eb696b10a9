package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.CursorSeal;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;
import nianbao.store.IndicatorFigures;
import nianbao.store.ListFilter;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.lists.ListSort;

/**
 * {@code GET /rankings}: a year's agencies of a region ranked by errors or by an indicator. Read from the list
 * entries the write path keeps in each order (store README, "Rankings"): a page is a few bounded index queries, never
 * every report of the scope. By an indicator only the reports it ranks take part (known, over at least ten cases);
 * equal values share a rank.
 */
public final class RankingRoutes {
  static final List<String> BY = byCodes();
  static final int DEFAULT_LIMIT = 50;

  private final ApiContext ctx;

  public RankingRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  private static List<String> byCodes() {
    List<String> out = new ArrayList<>(List.of("errors"));
    out.addAll(Indicator.codes());
    return out;
  }

  static List<Param> params() {
    return List.of(
        Param.query("year", SharedParameters.YEAR_SCHEMA, "报告年度（必填）"),
        Param.query("province", SharedParameters.TEXT_SCHEMA, "省级行政区；缺省为全国"),
        Param.query("city", SharedParameters.TEXT_SCHEMA, "地级行政区（需同时给出 province）"),
        Param.query("by", "{\"type\":\"string\",\"enum\":" + BY.stream().map(c -> "\"" + c + "\"").toList()
            + ",\"default\":\"errors\"}",
            "排名依据：errors 错误数，或指标代码（分母小于 10 或无法计算的不参与）"),
        Param.query("order", "{\"type\":\"string\",\"enum\":[\"desc\",\"asc\"],\"default\":\"desc\"}",
            "desc 从高到低（默认），asc 从低到高"),
        Param.query("limit", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":200,\"default\":50}", "每页条数"),
        Param.query("cursor", "{\"type\":\"string\"}", "上一页返回的 cursor，原样使用"));
  }

  public List<Route> routes() {
    return List.of(Route.get("/rankings", "getRankings", "排名：某年度某地区的机关按错误数或某项指标排序")
        .description("读取写入时维护的排序条目（每个排序一份，随报告写入同一事务更新），每页只读几次有界的索引查询，"
            + "不随报告总数增长。按指标排名时只含该指标已知且分母不小于 10 的报告；数值相同者名次相同。")
        .params(params()).json(200, "Ranking", "一页排名").problem(400, "参数有误（如缺少 year，city 没有 province）")
        .to(this::ranking));
  }

  /** The scope and order of a ranking request. */
  record Asked(ListFilter scope, ListSort by, boolean ascending) {
    String fingerprint() {
      return Filters.fingerprint(scope, by) + (ascending ? "a" : "d");
    }
  }

  static Asked asked(Request r, ApiContext ctx) {
    Integer year = Params.year(r, "year", ctx.clock());
    if (year == null) {
      throw Problem.badParameter("year", "参数 year 必填：排名比较同一年度的报告");
    }
    String province = Params.place(r, "province");
    String city = Params.place(r, "city");
    if (city != null && province == null) {
      throw Problem.badParameter("city", "参数 city 需要同时给出 province");
    }
    String by = r.query("by") == null ? "errors" : r.query("by").strip();
    if (!BY.contains(by)) {
      throw Problem.badParameter("by", "参数 by 的值 “" + by + "” 无效；可选：" + String.join("、", BY))
          .with("allowed", BY);
    }
    String order = r.query("order") == null ? "desc" : r.query("order").strip();
    if (!order.equals("desc") && !order.equals("asc")) {
      throw Problem.badParameter("order", "参数 order 应为 desc 或 asc").with("allowed", List.of("desc", "asc"));
    }
    return new Asked(new ListFilter(year, province, city, null, null, null, null, null), ListSort.of(by),
        order.equals("asc"));
  }

  Response ranking(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city", "by", "order", "limit", "cursor"));
    Asked a = asked(r, ctx);
    int limit = Params.integer(r, "limit", DEFAULT_LIMIT, 1, 200);
    RankCursor at = RankCursor.open(r.query("cursor"), a.fingerprint());
    Page<ReportRow> page;
    try {
      page = ctx.store().ranking(a.scope(), a.by(), a.ascending(), limit, at.store());
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("cursor", "参数 cursor 无效：它不属于这个排名");
    }
    ObjectNode out = Json.object();
    out.set("by", byJson(a.by()));
    out.put("order", a.ascending() ? "asc" : "desc");
    out.set("indicatorDefinitions", TrendRoutes.definitions());
    ObjectNode scope = out.putObject("scope");
    scope.put("year", a.scope().year());
    scope.put("province", a.scope().province());
    scope.put("city", a.scope().city());
    ArrayNode items = out.putArray("items");
    RankCursor next = at;
    // whose figures reviewers corrected (ranked on the corrected values): the page's heads, one BatchGetItem per 100
    Map<String, nianbao.store.ReportView> heads = ctx.batch().reports(page.items().stream().map(ReportRow::reportId)
        .toList());
    for (ReportRow row : page.items()) {
      Double value = value(row, a.by());
      next = next.after(value);
      ObjectNode item = ReportRoutes.row(row);
      item.put("rank", next.rank());
      item.put("value", value);
      nianbao.store.ReportView head = heads.get(row.reportId());
      item.put("corrected", head != null && head.corrected() > 0);
      if (a.by().indicator() != null) {
        Share s = IndicatorFigures.read(row.indicators()).get(a.by().indicator());
        item.put("numerator", s.numerator());
        item.put("denominator", s.denominator());
      }
      items.add(item);
    }
    out.put("cursor", page.cursor() == null ? null : next.seal(page.cursor(), a.fingerprint()));
    out.put("limit", limit);
    return Response.read(Json.write(out));
  }

  static ObjectNode byJson(ListSort by) {
    ObjectNode o = Json.object();
    o.put("code", by.code());
    Indicator i = by.indicator();
    o.put("label", i == null ? "错误数" : i.label());
    o.put("definition", i == null ? "报告中未被审核人员排除的错误级发现数" : i.definition());
    o.put("excluded", i == null ? null : "分母小于 " + Indicator.SMALL_BASE + " 或无法计算的报告不参与排名");
    return o;
  }

  /** The value a row is ranked by: its errors, or its share of the indicator. */
  static Double value(ReportRow row, ListSort by) {
    if (by.indicator() == null) {
      return (double) row.errors();
    }
    Share s = IndicatorFigures.read(row.indicators()).get(by.indicator());
    return s == null ? null : s.value();
  }

  /**
   * Where a ranking goes on: the store's cursor, the number of rows before it, and the last row's rank and value, so
   * that a tie across two pages keeps its rank. Sealed with the ranking's fingerprint as list cursors are.
   */
  record RankCursor(String store, int offset, int rank, Double last) {
    RankCursor after(Double value) {
      int position = offset + 1;
      int r = last != null && value != null && Math.abs(last - value) < 1e-12 ? rank : position;
      return new RankCursor(store, position, r, value);
    }

    String seal(String storeCursor, String fingerprint) {
      return CursorSeal.system().seal(fingerprint + "~" + offset + "~" + rank + "~" + (last == null ? "" : last)
          + "~" + storeCursor);
    }

    static RankCursor open(String cursor, String fingerprint) {
      if (cursor == null) {
        return new RankCursor(null, 0, 0, null);
      }
      String text = CursorSeal.system().open(cursor);
      String[] parts = text == null ? new String[0] : text.split("~", 5);
      if (parts.length != 5 || parts[4].isEmpty()) {
        throw Problem.badParameter("cursor", "参数 cursor 无效（格式有误或被改动）：应原样使用上一页返回的 cursor");
      }
      if (!parts[0].equals(fingerprint)) {
        throw Problem.badParameter("cursor", "参数 cursor 属于另一个排名；翻页时参数须保持不变");
      }
      return new RankCursor(parts[4], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          parts[3].isEmpty() ? null : Double.valueOf(parts[3]));
    }
  }
}

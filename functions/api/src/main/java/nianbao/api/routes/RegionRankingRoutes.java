package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;
import nianbao.store.Summary;

/**
 * {@code GET /rankings/regions}: the provinces of the country, or the cities of a province, ranked by their reports'
 * errors or by an indicator over the sums of their reports' cells — from the summary items the write path keeps
 * (ADD in each report's transaction), so a ranking is one GetItem of the scope's summary (which names its cities)
 * and one BatchGetItem of theirs, whatever the number of reports. A province's own agencies (省本级) are a row of
 * their own: the province's sums less its cities'. Counties have no summary items: a city's counties are not ranked.
 */
public final class RegionRankingRoutes {
  private final ApiContext ctx;

  public RegionRankingRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/rankings/regions", "getRegionRankings", "地区排名：全国各省或某省各市按错误数或某项指标排序")
        .description("由写入时维护的汇总项计算（每个地区一项），不逐份读取报告。指标按该地区各报告单元格之和计算；"
            + "分母小于 10 或无法计算的地区列在 unranked 中，不参与排名。给出 province 时另列“省本级”（省直机关，"
            + "全省之和减去各市之和）。")
        .params(List.of(RankingRoutes.params().get(0), RankingRoutes.params().get(1), RankingRoutes.params().get(3),
            RankingRoutes.params().get(4)))
        .json(200, "RegionRanking", "各地区排名").problem(400, "参数有误（如缺少 year）").to(this::ranking));
  }

  Response ranking(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "by", "order"));
    RankingRoutes.Asked a = RankingRoutes.asked(r, ctx);
    int year = a.scope().year();
    String province = a.scope().province();
    Summary total = ctx.store().summary(year, province, null);
    Map<String, Summary> regions = new LinkedHashMap<>();
    if (province == null) {
      Set<String> provinces = new LinkedHashSet<>();
      total.byCity().forEach(c -> provinces.add(c.province()));
      ctx.store().provinceSummaries(year, provinces)
          .forEach(s -> regions.put(s.province(), s));
    } else {
      List<String> cities = total.byCity().stream().filter(c -> c.city() != null).map(c -> c.city()).toList();
      ctx.store().citySummaries(year, province, cities)
          .forEach(s -> regions.put(s.city(), s));
      Summary own = less(total, regions.values());
      if (own.reports() > 0) {
        regions.put(null, own);
      }
    }
    Indicator by = a.by().indicator();
    List<Row> ranked = new ArrayList<>();
    List<Row> unranked = new ArrayList<>();
    regions.forEach((name, s) -> {
      if (s.reports() <= 0) {
        return;
      }
      Share share = by == null ? null : TrendRoutes.regionIndicators(s).get(by);
      Row row = new Row(name, s, share, by == null ? Double.valueOf(s.count("errors")) : share.value(),
          province != null && name == null);
      (by == null || share.ranked() ? ranked : unranked).add(row);
    });
    Comparator<Row> order = Comparator.comparing(Row::value);
    ranked.sort(a.ascending() ? order : order.reversed());
    ObjectNode out = Json.object();
    out.set("by", RankingRoutes.byJson(a.by()));
    out.put("order", a.ascending() ? "asc" : "desc");
    out.put("of", province == null ? "provinces" : "cities");
    ObjectNode scope = out.putObject("scope");
    scope.put("year", year);
    scope.put("province", province);
    out.set("total", json(new Row(null, total, by == null ? null : TrendRoutes.regionIndicators(total).get(by),
        Double.valueOf(total.count("errors"))), 0));
    ArrayNode items = out.putArray("items");
    int rank = 0;
    Double last = null;
    for (int i = 0; i < ranked.size(); i++) {
      Row row = ranked.get(i);
      if (last == null || !last.equals(row.value())) {
        rank = i + 1;
        last = row.value();
      }
      items.add(json(row, rank));
    }
    ArrayNode rest = out.putArray("unranked");
    unranked.forEach(row -> rest.add(json(row, 0)));
    return Response.read(Json.write(out));
  }

  /** {@code name}: the province or city it ranks; null for the province's own agencies and for the total. */
  private record Row(String name, Summary summary, Share share, Double value, boolean own) {
    Row(String name, Summary summary, Share share, Double value) {
      this(name, summary, share, value, false);
    }
  }


  /** A region's row: its place, its rank (0: none), its counts and the value it is ranked by. */
  private static ObjectNode json(Row row, int rank) {
    ObjectNode o = Json.object();
    o.put("province", row.summary().province());
    o.put("city", row.summary().city());
    // the province's own agencies (省本级): its sums less its cities'
    o.put("ownAgencies", row.own());
    if (rank > 0) {
      o.put("rank", rank);
    }
    o.put("reports", row.summary().reports());
    o.put("withErrors", row.summary().count("status.HAS_ERRORS"));
    o.put("errors", row.summary().count("errors"));
    if (row.share() != null) {
      o.put("value", row.share().value());
      o.put("numerator", row.share().numerator());
      o.put("denominator", row.share().denominator());
      o.put("smallBase", row.share().smallBase());
    } else {
      o.put("value", row.value());
    }
    return o;
  }

  /** A province's own agencies: its sums less those of its cities (every summary attribute adds up). */
  static Summary less(Summary total, Iterable<Summary> parts) {
    Map<String, BigDecimal> values = new LinkedHashMap<>(total.values());
    for (Summary part : parts) {
      part.values().forEach((k, v) -> values.merge(k, v.negate(), BigDecimal::add));
    }
    return new Summary(total.year(), total.province(), null, values, total.updatedAt());
  }
}

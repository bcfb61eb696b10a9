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
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;
import nianbao.store.Summary;

/**
 * {@code GET /rankings/regions}: the provinces of the country, the cities of a province, or the counties of a city,
 * ranked by their reports' errors or by an indicator over the sums of their reports' cells — from the summary items
 * the write path keeps (ADD in each report's transaction), so a ranking is one GetItem of the scope's summary (which
 * names its cities, or a city's its counties) and one BatchGetItem of theirs, whatever the number of reports. A
 * province's own agencies (省本级) and a city's (市本级) are a row of their own: the scope's sums less its parts'.
 * Counties a province administers directly (济源市, a municipality's districts) are ranked beside its cities.
 */
public final class RegionRankingRoutes {
  private final ApiContext ctx;

  public RegionRankingRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/rankings/regions", "getRegionRankings", "地区排名：全国各省、某省各市或某市各县按错误数或某项指标排序")
        .description("由写入时维护的汇总项计算（每个地区一项），不逐份读取报告。指标按该地区各报告单元格之和计算；"
            + "分母小于 10 或无法计算的地区列在 unranked 中，不参与排名。给出 province 时列其各市（及省直管的县、区）"
            + "并另列“省本级”（省直机关：全省之和减去各市、县之和）；再给出 city 时列该市各县（区），另列“市本级”。")
        .params(params())
        .json(200, "RegionRanking", "各地区排名").problem(400, "参数有误（如缺少 year，city 没有 province）")
        .to(this::ranking));
  }

  static List<Route.Param> params() {
    List<Route.Param> all = RankingRoutes.params();
    return List.of(all.get(0), all.get(1), all.get(2), all.get(3), all.get(4));
  }

  /** One region of a ranking: {@code own} for the scope's own agencies (省本级, 市本级); the total has no rank. */
  record Row(Summary summary, Share share, Double value, boolean own) {}

  /** A computed ranking: what it ranks ({@code provinces}, {@code cities}, {@code counties}), its rows. */
  record Ranked(RankingRoutes.Asked asked, String of, Row total, List<Row> ranked, List<Row> unranked) {}

  Response ranking(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city", "by", "order"));
    Ranked ranked = rank(RankingRoutes.asked(r, ctx));
    RankingRoutes.Asked a = ranked.asked();
    ObjectNode out = Json.object();
    out.set("by", RankingRoutes.byJson(a.by()));
    out.put("order", a.ascending() ? "asc" : "desc");
    out.put("of", ranked.of());
    ObjectNode scope = out.putObject("scope");
    scope.put("year", a.scope().year());
    scope.put("province", a.scope().province());
    scope.put("city", a.scope().city());
    out.set("total", json(ranked.total(), 0));
    ArrayNode items = out.putArray("items");
    List<Integer> ranks = ranks(ranked.ranked());
    for (int i = 0; i < ranked.ranked().size(); i++) {
      items.add(json(ranked.ranked().get(i), ranks.get(i)));
    }
    ArrayNode rest = out.putArray("unranked");
    ranked.unranked().forEach(row -> rest.add(json(row, 0)));
    return Response.read(Json.write(out));
  }

  /** The scope's regions, read from their summaries, ranked as asked. */
  Ranked rank(RankingRoutes.Asked a) {
    int year = a.scope().year();
    String province = a.scope().province();
    String city = a.scope().city();
    Summary total = ctx.store().summary(year, province, city);
    List<Summary> parts = new ArrayList<>();
    String of;
    if (province == null) {
      of = "provinces";
      Set<String> provinces = new LinkedHashSet<>();
      total.byCity().forEach(c -> provinces.add(c.province()));
      parts.addAll(ctx.store().provinceSummaries(year, provinces));
    } else if (city == null) {
      of = "cities";
      List<String> cities = total.byCity().stream().filter(c -> c.city() != null).map(c -> c.city()).toList();
      parts.addAll(ctx.store().citySummaries(year, province, cities));
      // counties without a city (济源市, a municipality's districts) beside the cities
      List<String> direct = total.byCounty().stream().map(Summary.CountyCount::county).toList();
      parts.addAll(ctx.store().countySummaries(year, province, null, direct));
    } else {
      of = "counties";
      List<String> counties = total.byCounty().stream().map(Summary.CountyCount::county).toList();
      parts.addAll(ctx.store().countySummaries(year, province, city, counties));
    }
    Indicator by = a.by().indicator();
    List<Row> rows = new ArrayList<>();
    parts.forEach(s -> rows.add(row(s, by, false)));
    if (province != null) {
      rows.add(row(less(total, parts), by, true));
    }
    List<Row> ranked = new ArrayList<>();
    List<Row> unranked = new ArrayList<>();
    for (Row row : rows) {
      if (row.summary().reports() > 0) {
        (by == null || row.share().ranked() ? ranked : unranked).add(row);
      }
    }
    Comparator<Row> order = Comparator.comparing(Row::value);
    ranked.sort(a.ascending() ? order : order.reversed());
    return new Ranked(a, of, row(total, by, false), ranked, unranked);
  }

  private static Row row(Summary s, Indicator by, boolean own) {
    Share share = by == null ? null : TrendRoutes.regionIndicators(s).get(by);
    return new Row(s, share, by == null ? Double.valueOf(s.count("errors")) : share.value(), own);
  }

  /** Ranks of rows in order: equal values share one. */
  static List<Integer> ranks(List<Row> rows) {
    List<Integer> out = new ArrayList<>();
    int rank = 0;
    Double last = null;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (last == null || !last.equals(row.value())) {
        rank = i + 1;
        last = row.value();
      }
      out.add(rank);
    }
    return out;
  }

  /** A region's row: its place, its rank (0: none), its counts and the value it is ranked by. */
  private static ObjectNode json(Row row, int rank) {
    ObjectNode o = Json.object();
    o.put("province", row.summary().province());
    o.put("city", row.summary().city());
    o.put("county", row.summary().county());
    // the scope's own agencies (省本级, 市本级): its sums less its parts'
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

  /** A scope's own agencies: its sums less those of its parts (every summary attribute adds up). */
  static Summary less(Summary total, Iterable<Summary> parts) {
    Map<String, BigDecimal> values = new LinkedHashMap<>(total.values());
    for (Summary part : parts) {
      part.values().forEach((k, v) -> values.merge(k, v.negate(), BigDecimal::add));
    }
    return new Summary(total.year(), total.province(), total.city(), null, values, total.updatedAt());
  }
}

package nianbao.api.routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.http.Params;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.core.indicators.Share;
import nianbao.core.roster.RosterMatching;
import nianbao.core.roster.RosterMatching.ReportFacts;
import nianbao.store.IndicatorFigures;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportView;

/**
 * The oversight exports people hand on ({@link Csv}: Chinese headers and values, BOM): a ranking ({@code
 * /export/rankings.csv}, the {@code /rankings} parameters) and a roster's 报送情况 ({@code /export/roster.csv}: 未报送
 * first, then 逾期, 日期不明, 按时, and the reports no entry matched). Both are bounded by their scope — a year's
 * reports of a region, a roster of at most 20,000 — and answered inline.
 */
public final class OversightExports {
  /** More rows than a year's agencies of one province have; a national ranking beyond it is cut and says so. */
  static final int MAX_RANKED_ROWS = 50_000;

  private final ApiContext ctx;

  public OversightExports(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/export/rankings.csv", "exportRankings", "导出排名（CSV 或 XLSX：名次、机关、地区、依据的值、已更正的单元格）")
            .description("参数同 GET /rankings（不含 limit、cursor）：整个排名，最多 " + MAX_RANKED_ROWS + " 行。")
            .params(ExportRoutes.withFormat(RankingRoutes.params().subList(0, 5)))
            .response(200, "text/csv", "Csv", CSV_OR_XLSX, "ETag").alsoAs(200, ExportFormat.XLSX.contentType(), "Xlsx")
            .problem(400, "参数有误").to(this::rankings),
        Route.get("/export/region-rankings.csv", "exportRegionRankings",
                "导出地区排名（CSV 或 XLSX：名次、地区、报告数、错误数、依据的值，及八项指标）")
            .description("参数同 GET /rankings/regions：全国各省、某省各市或某市各县；省本级、市本级一行；"
                + "分母小于 10 或无法计算、不参与排名的地区在后，名次空。")
            .params(ExportRoutes.withFormat(RegionRankingRoutes.params()))
            .response(200, "text/csv", "Csv", CSV_OR_XLSX, "ETag").alsoAs(200, ExportFormat.XLSX.contentType(), "Xlsx")
            .problem(400, "参数有误").to(this::regionRankings),
        Route.get("/export/roster.csv", "exportRoster", "导出名单的报送情况（CSV 或 XLSX：未报送在前，逾期、日期不明、按时，及未匹配的报告）")
            .params(ExportRoutes.withFormat(RosterRoutes.scopeParams()))
            .response(200, "text/csv", "Csv", CSV_OR_XLSX, "ETag").alsoAs(200, ExportFormat.XLSX.contentType(), "Xlsx")
            .problem(400, "参数有误").problem(404, "这个地区和年度还没有名单").to(this::roster));
  }

  static final String CSV_OR_XLSX = "CSV（UTF-8，带 BOM）；format=xlsx 时为 Excel 工作簿（同样的列）";

  Response rankings(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city", "by", "order", "format"));
    ExportFormat format = SharedParameters.format(r);
    RankingRoutes.Asked a = RankingRoutes.asked(r, ctx);
    boolean indicator = a.by().indicator() != null;
    String label = RankingRoutes.byJson(a.by()).path("label").asText();
    Sheet csv = format.sheet("排名");
    List<String> header = new ArrayList<>(List.of("名次", "机关", "年度", "省", "市", "县", "状态", "错误数"));
    if (indicator) {
      header.addAll(List.of(label, "分子", "分母"));
    }
    header.add(CorrectedCells.COLUMN);
    header.add("报告编号");
    csv.row(header);
    String cursor = null;
    RankingRoutes.RankCursor rank = new RankingRoutes.RankCursor(null, 0, 0, null);
    do {
      Page<ReportRow> page = ctx.store().ranking(a.scope(), a.by(), a.ascending(), 500, cursor);
      // which figures are corrected ones: the page's heads (one BatchGetItem per 100), the corrections of those
      // reviewers corrected
      Map<String, ReportView> heads = ctx.batch().reports(page.items().stream().map(ReportRow::reportId).toList());
      for (ReportRow row : page.items()) {
        rank = rank.after(RankingRoutes.value(row, a.by()));
        List<Object> line = new ArrayList<>(List.of(rank.rank()));
        line.add(Csv.text(row.agency()));
        line.add(row.year());
        line.add(Csv.text(row.province()));
        line.add(Csv.text(row.city()));
        line.add(Csv.text(row.county()));
        line.add(Csv.status(row.status()));
        line.add(row.errors());
        if (indicator) {
          Share s = IndicatorFigures.read(row.indicators()).get(a.by().indicator());
          line.add(Csv.percent(s));
          line.add(s.numerator());
          line.add(s.denominator());
        }
        ReportView head = heads.get(row.reportId());
        line.add(head == null ? null : Csv.text(CorrectedCells.describe(ctx, head)));
        line.add(row.reportId());
        csv.row(line);
      }
      cursor = page.cursor();
    } while (cursor != null && rank.offset() < MAX_RANKED_ROWS);
    String name = "排名-" + a.scope().year() + "-" + a.by().code() + "." + format.extension();
    return ExportRoutes.inline(csv.bytes(), name, format);
  }

  Response regionRankings(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city", "by", "order", "format"));
    ExportFormat format = SharedParameters.format(r);
    RankingRoutes.Asked a = RankingRoutes.asked(r, ctx);
    RegionRankingRoutes.Ranked ranked = new RegionRankingRoutes(ctx).rank(a);
    boolean indicator = a.by().indicator() != null;
    Sheet sheet = format.sheet("地区排名");
    List<String> header = new ArrayList<>(List.of("名次", "省", "市", "县", "报告数", "有错误的报告", "错误数"));
    if (indicator) {
      header.addAll(List.of(RankingRoutes.byJson(a.by()).path("label").asText() + "·分子", "分母"));
    }
    header.addAll(Csv.INDICATOR_COLUMNS);
    sheet.row(header);
    List<Integer> ranks = RegionRankingRoutes.ranks(ranked.ranked());
    for (int i = 0; i < ranked.ranked().size(); i++) {
      sheet.row(regionLine(ranks.get(i), ranked.ranked().get(i), indicator));
    }
    for (RegionRankingRoutes.Row row : ranked.unranked()) {
      sheet.row(regionLine("不参与排名", row, indicator));
    }
    sheet.row(regionLine("合计", ranked.total(), indicator));
    String place = a.scope().province() == null ? "全国" : a.scope().province()
        + (a.scope().city() == null ? "" : "-" + a.scope().city());
    return ExportRoutes.inline(sheet.bytes(), "地区排名-" + a.scope().year() + "-" + place + "-" + a.by().code() + "."
        + format.extension(), format);
  }

  /** A region's line: its rank (or 不参与排名, 合计), place in words, counts and indicators. */
  private static List<Object> regionLine(Object rank, RegionRankingRoutes.Row row, boolean indicator) {
    nianbao.store.Summary s = row.summary();
    List<Object> line = new ArrayList<>();
    line.add(rank);
    line.add(Csv.text(s.province() == null ? "全国" : s.province()));
    line.add(Csv.text(row.own() && s.city() == null ? "省本级" : s.city()));
    line.add(Csv.text(row.own() && s.city() != null ? "市本级" : s.county()));
    line.add(s.reports());
    line.add(s.count("status.HAS_ERRORS"));
    line.add(s.count("errors"));
    if (indicator) {
      line.add(row.share().numerator());
      line.add(row.share().denominator());
    }
    Csv.addIndicators(line, TrendRoutes.regionIndicators(s));
    return line;
  }

  Response roster(Request r) {
    RosterRoutes routes = new RosterRoutes(ctx);
    ExportFormat format = SharedParameters.format(r);
    RosterRoutes.Scope s = routes.scope(r, Set.of("format"));
    RosterRoutes.Matched m = routes.matched(s);
    Sheet csv = format.sheet("报送情况");
    csv.row(List.of("报送情况", "时效", "名单行号", "机关名称", "区划代码", "报告机关", "印明日期", "日期来源", "报告编号"));
    List<RosterMatching.EntryMatch> entries = new ArrayList<>(m.result().entries());
    List<String> order = List.of(RosterMatching.NOT_REPORTED, RosterMatching.LATE, RosterMatching.DATE_UNKNOWN,
        RosterMatching.ON_TIME);
    entries.sort(Comparator.comparingInt(e -> order.indexOf(e.timeliness() == null ? e.state() : e.timeliness())));
    for (RosterMatching.EntryMatch e : entries) {
      ReportFacts rep = e.reports().isEmpty() ? null : e.reports().get(0);
      csv.row(java.util.Arrays.asList(e.state(), e.timeliness(), e.entry().line(), Csv.text(e.entry().name()),
          e.entry().regionCode(), rep == null ? null : Csv.text(rep.agency()), rep == null ? null : rep.dated(),
          rep == null ? null : rep.datedKind(), rep == null ? null : rep.reportId()));
    }
    for (ReportFacts rep : m.result().unmatchedReports()) {
      csv.row(java.util.Arrays.asList("未匹配名单", RosterMatching.timeliness(s.year(), rep.dated()), null, null, null,
          Csv.text(rep.agency()), rep.dated(), rep.datedKind(), rep.reportId()));
    }
    return ExportRoutes.inline(csv.bytes(), "名单-" + s.year() + "-" + s.province()
        + (s.city() == null ? "" : "-" + s.city()) + "." + format.extension(), format);
  }

}

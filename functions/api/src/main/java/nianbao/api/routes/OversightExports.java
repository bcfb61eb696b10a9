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
        Route.get("/export/rankings.csv", "exportRankings", "导出排名（CSV：名次、机关、地区、依据的值、已更正的单元格）")
            .description("参数同 GET /rankings（不含 limit、cursor）：整个排名，最多 " + MAX_RANKED_ROWS + " 行。")
            .params(RankingRoutes.params().subList(0, 5))
            .response(200, "text/csv", "Csv", "CSV（UTF-8，带 BOM）", "ETag").problem(400, "参数有误").to(this::rankings),
        Route.get("/export/roster.csv", "exportRoster", "导出名单的报送情况（CSV：未报送在前，逾期、日期不明、按时，及未匹配的报告）")
            .params(RosterRoutes.scopeParams())
            .response(200, "text/csv", "Csv", "CSV（UTF-8，带 BOM）", "ETag").problem(400, "参数有误")
            .problem(404, "这个地区和年度还没有名单").to(this::roster));
  }

  Response rankings(Request r) {
    Params.onlyKnown(r, Set.of("year", "province", "city", "by", "order"));
    RankingRoutes.Asked a = RankingRoutes.asked(r, ctx);
    boolean indicator = a.by().indicator() != null;
    String label = RankingRoutes.byJson(a.by()).path("label").asText();
    Csv csv = new Csv();
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
    String name = "排名-" + a.scope().year() + "-" + a.by().code() + ".csv";
    return inline(csv, name);
  }

  Response roster(Request r) {
    RosterRoutes routes = new RosterRoutes(ctx);
    RosterRoutes.Scope s = routes.scope(r);
    RosterRoutes.Matched m = routes.matched(s);
    Csv csv = new Csv();
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
    return inline(csv, "名单-" + s.year() + "-" + s.province() + (s.city() == null ? "" : "-" + s.city()) + ".csv");
  }

  private static Response inline(Csv csv, String name) {
    return new Response(200).header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename*=UTF-8''" + ReportRoutes.enc(name))
        .body(csv.toString()).cacheable();
  }

}

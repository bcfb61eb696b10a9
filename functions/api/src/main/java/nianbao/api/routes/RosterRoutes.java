package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import nianbao.core.agency.AgencyIdentity;
import nianbao.core.roster.RosterCsv;
import nianbao.core.roster.RosterMatching;
import nianbao.core.roster.RosterMatching.ReportFacts;
import nianbao.store.Identity;
import nianbao.store.Rosters;

/**
 * {@code /rosters}: the agencies a region expects reports from in a year, uploaded as CSV by an administrator
 * (a write: an explicit JWT route), and who of them has reported — 未报送, 逾期 by the date the report prints,
 * 日期不明 — with the reports and entries left unmatched on both sides.
 */
public final class RosterRoutes {
  private final ApiContext ctx;

  public RosterRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  static List<Param> scopeParams() {
    return List.of(Param.query("year", SharedParameters.YEAR_SCHEMA, "报告年度（必填）"),
        Param.query("province", SharedParameters.TEXT_SCHEMA, "省级行政区（必填）"),
        Param.query("city", SharedParameters.TEXT_SCHEMA, "地级行政区；缺省为全省的名单"));
  }

  public List<Route> routes() {
    return List.of(
        Route.put("/rosters", "putRoster", "上传某地区某年度应报送年报的机关名单（需要授权）")
            .description("请求体为 CSV：第一行为表头，含“机关名称”一列（或 单位名称、名称），可选“区划代码”（6 位数字；"
                + "缺省时由机关名称识别地区），其余列忽略；UTF-8（可带 BOM）或 GBK，自动识别。同一地区同一年度再次上传即替换。"
                + "名单存于数据表，不进入报告存储桶。GBK 文件请以 application/octet-stream 发送：API Gateway 把 text/* 的请求体当作 UTF-8 文本转交。")
            .writes().params(scopeParams()).body("text/csv", "Csv", "机关名单 CSV")
            .json(200, "RosterUploaded", "已保存").problem(400, "参数或名单有误（指明行号）").problem(401, "未登录")
            .to(this::put),
        Route.get("/rosters", "getRoster", "名单与报送情况：未报送、逾期、日期不明，及两边未匹配的条目")
            .description("名单中每个机关按机关身份（区划代码 + 规范化名称）与该地区该年度的报告匹配；有报告的按报告中"
                + "印明的日期（发布日期或落款）判断是否晚于次年 1 月 31 日（逾期），报告未印日期的为“日期不明”，"
                + "不以上传时间判断。未匹配到名单的报告另行列出，供人工核对。")
            .params(scopeParams()).json(200, "Roster", "名单与报送情况").problem(400, "参数有误")
            .problem(404, "这个地区和年度还没有名单").to(this::get));
  }

  /** The roster's year and region, both required but the city. */
  record Scope(int year, String province, String city) {}

  Scope scope(Request r) {
    return scope(r, Set.of());
  }

  /** The scope, {@code more}: the other parameters the route takes (an export's {@code format}). */
  Scope scope(Request r, Set<String> more) {
    Set<String> known = new java.util.HashSet<>(Set.of("year", "province", "city"));
    known.addAll(more);
    Params.onlyKnown(r, known);
    Integer year = Params.year(r, "year", ctx.clock());
    if (year == null) {
      throw Problem.badParameter("year", "参数 year 必填");
    }
    String province = Params.place(r, "province");
    if (province == null) {
      throw Problem.badParameter("province", "参数 province 必填：名单属于一个省或一个市");
    }
    return new Scope(year, province, Params.place(r, "city"));
  }

  Response put(Request r) {
    Scope s = scope(r);
    RosterCsv.Parsed parsed;
    try {
      parsed = RosterCsv.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new Problem(Problem.Type.BAD_BODY, e.getMessage());
    }
    String now = ctx.clock().instant().toString();
    rosters().put(s.year(), s.province(), s.city(), parsed.entries(), parsed.encoding(), Writes.who(r), now);
    ObjectNode out = Json.object();
    scopeJson(out, s);
    out.put("entries", parsed.entries().size());
    out.put("encoding", parsed.encoding());
    out.put("uploadedAt", now);
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  Response get(Request r) {
    Scope s = scope(r);
    return Response.read(Json.write(json(s, matched(s))));
  }

  /** The stored roster matched to the region's reports of its year; a 404 when there is none. */
  Matched matched(Scope s) {
    Rosters.Stored stored = rosters().get(s.year(), s.province(), s.city()).orElseThrow(() -> Problem.notFound(
        "没有 " + s.year() + " 年度 " + s.province() + (s.city() == null ? "" : s.city()) + " 的名单：请先上传（PUT /rosters）"));
    List<ReportFacts> reports = rosters().reports(s.year(), s.province(), s.city());
    // (an entry matches the reports of agencies an administrator merged into its agency, and an entry naming a
    // merged agency the reports of the agency it was merged into: one BatchGetItem of aliases per 100 entries
    // nothing else matched)
    return new Matched(stored, RosterMatching.match(s.year(), stored.entries(), reports,
        new RosterMatching.AgencyKeys() {
          @Override
          public String key(AgencyIdentity id) {
            return Identity.agencyKey(id);
          }

          @Override
          public Map<String, String> mergedInto(Set<String> keys) {
            return ctx.store().agencies().mergedInto(keys);
          }
        }));
  }

  record Matched(Rosters.Stored stored, RosterMatching.Result result) {}

  private Rosters rosters() {
    return new Rosters(ctx.store().dynamo(), ctx.store().tableName());
  }

  static void scopeJson(ObjectNode out, Scope s) {
    ObjectNode scope = out.putObject("scope");
    scope.put("year", s.year());
    scope.put("province", s.province());
    scope.put("city", s.city());
  }

  static ObjectNode json(Scope s, Matched m) {
    ObjectNode out = Json.object();
    scopeJson(out, s);
    out.put("deadline", RosterMatching.deadline(s.year()).toString());
    out.put("uploadedAt", m.stored().uploadedAt());
    out.put("uploadedBy", m.stored().uploadedBy());
    out.put("encoding", m.stored().encoding());
    RosterMatching.Result result = m.result();
    ObjectNode counts = out.putObject("counts");
    counts.put("entries", result.entries().size());
    counts.put("reported", result.entries().size() - result.notReported().size());
    counts.put("notReported", result.notReported().size());
    counts.put("onTime", result.count(RosterMatching.ON_TIME));
    counts.put("late", result.count(RosterMatching.LATE));
    counts.put("dateUnknown", result.count(RosterMatching.DATE_UNKNOWN));
    counts.put("unmatchedReports", result.unmatchedReports().size());
    ArrayNode entries = out.putArray("entries");
    for (RosterMatching.EntryMatch e : result.entries()) {
      ObjectNode o = entries.addObject();
      o.put("line", e.entry().line());
      o.put("name", e.entry().name());
      o.put("regionCode", e.entry().regionCode());
      o.put("identity", e.identity());
      o.put("state", e.state());
      o.put("timeliness", e.timeliness());
      ArrayNode reports = o.putArray("reports");
      e.reports().forEach(rep -> reports.add(report(rep)));
    }
    ArrayNode unmatched = out.putArray("unmatchedReports");
    result.unmatchedReports().forEach(rep -> unmatched.add(report(rep)));
    return out;
  }

  static ObjectNode report(ReportFacts r) {
    ObjectNode o = Json.object();
    o.put("id", r.reportId());
    o.put("agency", r.agency());
    o.put("regionCode", r.regionCode());
    o.put("dated", r.dated());
    o.put("datedKind", r.datedKind());
    return o;
  }
}

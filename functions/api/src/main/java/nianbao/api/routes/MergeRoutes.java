package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Year;
import java.util.List;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.access.Access;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.store.AgencyMerges;
import nianbao.store.MergeView;
import nianbao.store.ReportView;

/**
 * Agencies merged and split by an administrator (issue 15, "one agency, one identity"): {@code POST
 * /agencies/merges} maps one agency key to a canonical one — its reports move there (ids never change; reviews,
 * corrections and history stay with them), its uploads land there — and {@code DELETE /agencies/merges/{from}}
 * undoes it; {@code GET /agencies/{agency}/merges} says what is merged into an agency and what it is merged into.
 * A merge or split cut short is finished by sending the same request again (functions/store/README.md).
 */
public final class MergeRoutes {
  private static final String KEY_SCHEMA = "{\"type\":\"string\",\"pattern\":\"^[0-9a-z]{16}$\"}";
  private final ApiContext ctx;

  public MergeRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  private AgencyMerges merges() {
    return new AgencyMerges(ctx.store(), ctx.writer(), ctx.clock());
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/agencies/merges", "mergeAgencies", "合并两个机关（仅管理员）")
            .description("body {\"from\":\"<agencyKey>\",\"into\":\"<agencyKey>\",\"reason\":\"…\"}：from 的各年度报告"
                + "归入 into（报告编号不变，审核、更正与修改记录随报告），此后列表、跨年规则、排名与名单都按 into 计；"
                + "from 的新上传也归入 into。两个机关有同一年度的报告时拒绝（409，years 列出这些年度：先删除错误的一份）。"
                + "每份移动的报告写入修改记录。中途失败时再次发送同一请求即完成合并。仅管理员；限于地区的管理员只能合并其"
                + "地区内的机关。")
            .writes(Access.Role.ADMIN).body("application/json", "MergeRequest", "要合并的两个机关与理由")
            .json(200, "AgencyMerge", "已合并（或此前已合并）").problem(400, "请求体有误").problem(401, "未登录")
            .problem(403, "不是管理员，或机关不在其地区内").problem(404, "机关没有报告")
            .problem(409, "两个机关有同一年度的报告，或其中一个已合并到别处").problem(415, "请求体不是 JSON")
            .to(this::merge),
        Route.delete("/agencies/merges/{from}", "splitAgencies", "拆分已合并的机关（仅管理员）")
            .description("撤销 from 的合并：from 的报告（合并时移入的，及合并后按其名称上传的）回到 from，跨年规则两边"
                + "重新检查；每份移回的报告写入修改记录。中途失败时再次发送同一请求即完成拆分。拆分进行中 from 又上传了"
                + "同一年度的另一份报告时为 409（problem+json，years 列出年度）：删除错误的一份后再次发送。")
            .writes(Access.Role.ADMIN).param(Param.path("from", KEY_SCHEMA, "被合并的机关编号（agencyKey）"))
            .json(200, "AgencyMerge", "已拆分（state 为 SPLIT）").problem(401, "未登录")
            .problem(403, "不是管理员，或机关不在其地区内").problem(404, "该机关没有被合并").to(this::split),
        Route.get("/agencies/{agency}/merges", "getAgencyMerges", "机关的合并情况")
            .description("mergedInto：该机关被合并到的机关（未合并为 null）；merged：合并到该机关的机关，各有状态"
                + "（MERGING、SPLITTING 为未完成：再次发送合并或拆分请求即完成）。")
            .param(Param.path("agency", KEY_SCHEMA, "机关编号（agencyKey）"))
            .json(200, "AgencyMerges", "合并情况").problem(404, "机关编号格式有误").to(this::list));
  }

  Response merge(Request r) {
    Params.onlyKnown(r, Set.of());
    JsonNode body = Writes.jsonBody(r, "{\"from\":\"<agencyKey>\",\"into\":\"<agencyKey>\",\"reason\":\"…\"}");
    String from = key(body, "from");
    String into = key(body, "into");
    JsonNode reasonNode = body.get("reason");
    String reason = reasonNode == null || reasonNode.isNull() ? null : Writes.text(body, "reason", 500);
    mayActOn(r, from);
    mayActOn(r, into);
    try {
      return Response.json(200, Json.write(json(merges().merge(from, into, Writes.who(r), reason))))
          .header("Cache-Control", "no-store");
    } catch (AgencyMerges.Refused e) {
      throw problem(e);
    }
  }

  Response split(Request r) {
    Params.onlyKnown(r, Set.of());
    String from = pathKey(r, "from");
    MergeView merge = merges().mergeOf(from).orElseThrow(() -> Problem.notFound("机关 " + from + " 没有被合并"));
    mayActOn(r, merge.intoKey());
    try {
      MergeView split = merges().split(from, Writes.who(r)).orElseThrow(() -> Problem.notFound("机关 " + from
          + " 没有被合并"));
      ObjectNode out = json(split);
      out.put("state", "SPLIT");
      return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
    } catch (AgencyMerges.Refused e) {
      throw problem(e);
    }
  }

  Response list(Request r) {
    Params.onlyKnown(r, Set.of());
    String key = pathKey(r, "agency");
    AgencyMerges merges = merges();
    ObjectNode out = Json.object();
    out.put("agencyKey", key);
    MergeView into = merges.mergeOf(key).orElse(null);
    if (into == null) {
      out.putNull("mergedInto");
    } else {
      out.set("mergedInto", json(into));
    }
    var merged = out.putArray("merged");
    merges.mergedInto(key).forEach(m -> merged.add(json(m)));
    return Response.read(Json.write(out));
  }

  /** An agency key in the path; anything else names no agency (404). */
  private static String pathKey(Request r, String name) {
    String key = r.param(name);
    if (key == null || !key.matches("[0-9a-z]{16}")) {
      throw Problem.notFound("没有编号为 “" + key + "” 的机关");
    }
    return key;
  }

  private static String key(JsonNode body, String field) {
    String k = Writes.text(body, field, 16);
    if (!k.matches("[0-9a-z]{16}")) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 " + field + " 应为机关编号（16 位 agencyKey）").with("field", field);
    }
    return k;
  }

  /** A caller limited to a region merges and splits only agencies of its region (their latest report's). */
  private void mayActOn(Request r, String agencyKey) {
    if (r.caller() == null || r.caller().area() == null) {
      return;
    }
    List<ReportView> reports = ctx.store().agencyReports(agencyKey, Params.FIRST_YEAR,
        Year.now(ctx.clock()).getValue());
    if (reports.isEmpty()) {
      return; // no report: the merge answers 404
    }
    ReportView latest = reports.get(reports.size() - 1);
    Access.Decision d = Access.mayActOn(r.caller(), new Access.Place("机关 " + latest.agency(),
        latest.region().province(), latest.region().city(), latest.region().county()));
    if (!d.allowed()) {
      throw new Problem(Problem.Type.FORBIDDEN, d.reason());
    }
  }

  private static Problem problem(AgencyMerges.Refused e) {
    Problem.Type type = switch (e.code()) {
      case SAME_AGENCY -> Problem.Type.BAD_BODY;
      case NOT_FOUND -> Problem.Type.NOT_FOUND;
      default -> Problem.Type.CONFLICT;
    };
    Problem p = new Problem(type, words(e)).with("reason", e.code().name());
    return e.years().isEmpty() ? p : p.with("years", e.years());
  }

  /** The refusal in the page's words, the store's reason after it. */
  private static String words(AgencyMerges.Refused e) {
    String years = e.years().stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse("");
    return switch (e.code()) {
      case SAME_AGENCY -> "不能把机关合并到它自己";
      case NOT_FOUND -> "机关没有报告，不能合并（" + e.getMessage() + "）";
      case YEARS_CONFLICT -> "两个机关都有 " + years + " 年度的报告：一个机关每年只有一份报告，请先删除错误的一份再合并";
      case INTO_MERGED -> "要合并到的机关本身已合并到另一个机关，请合并到那一个（" + e.getMessage() + "）";
      case ALREADY_MERGED -> "该机关已合并到另一个机关，请先拆分（" + e.getMessage() + "）";
      case HAS_MERGED -> "已有其他机关合并到该机关，请先拆分它们，或把它们直接合并到目标机关（" + e.getMessage() + "）";
      case SPLITTING -> "合并正在拆分或被他人同时修改，请稍后再试（" + e.getMessage() + "）";
    };
  }

  static ObjectNode json(MergeView m) {
    ObjectNode out = Json.object();
    out.put("from", m.fromKey());
    out.put("into", m.intoKey());
    out.put("state", m.state());
    out.put("fromAgency", m.fromAgency());
    out.put("by", m.by());
    out.put("at", m.at());
    out.put("reason", m.reason());
    var reports = out.putArray("reports");
    m.reports().forEach(reports::add);
    return out;
  }
}

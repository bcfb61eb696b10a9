package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.model.Finding;
import nianbao.core.model.Review;
import nianbao.store.ReportView;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/** {@code /reports/{id}/findings/{fingerprint}/review}: a reviewer confirms or dismisses a finding, or withdraws it. */
public final class ReviewRoutes {
  static final String PATH = "/reports/{id}/findings/{fingerprint}/review";
  static final Param FINGERPRINT = Param.path("fingerprint", "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{16}$\"}",
      "发现的 fingerprint（GET /reports/{id}/findings）");

  private final ApiContext ctx;

  public ReviewRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.put(PATH, "reviewFinding", "审核一条发现：确认或驳回（需要授权）")
            .description("decision 为 confirmed（确认）或 dismissed（驳回/误报），须写明 reason。驳回的发现不再计入报告的"
                + "错误、警告、状态与汇总（asRead 保留读取时的计数），仍列出并带 review。结论在发现所涉数值不变时有效；"
                + "重新读取或重新上传后数值变化，发现回到待审核并说明原因。可带 If-Match: <revision>，与报告当前修订号"
                + "不一致时返回 412；不带时，对不同发现的并发审核都会保存。读取说明（note）不审核（409）。")
            .writes().param(SharedParameters.ID).param(FINGERPRINT)
            .body("application/json", "ReviewRequest", "审核结论").json(200, "ReviewResult", "已保存")
            .problem(400, "请求体有误").problem(401, "未登录").problem(404, "没有这份报告或这条发现")
            .problem(409, "读取说明不审核").problem(412, "报告已被他人修改（If-Match 不符）")
            .problem(415, "请求体不是 JSON").to(this::put),
        Route.delete(PATH, "withdrawFindingReview", "撤回对一条发现的审核结论（需要授权）")
            .description("发现回到待审核，重新计入错误、警告、状态与汇总。可带 If-Match。")
            .writes().param(SharedParameters.ID).param(FINGERPRINT).json(200, "ReviewResult", "已撤回")
            .problem(401, "未登录").problem(404, "没有这份报告或这条发现")
            .problem(412, "报告已被他人修改（If-Match 不符）").to(this::delete));
  }

  Response put(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    String fingerprint = fingerprint(r);
    JsonNode body = Writes.jsonBody(r, "{decision, reason}");
    String decision = Writes.text(body, "decision", 20);
    if (!Review.decision(decision)) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 decision 应为 confirmed（确认）或 dismissed（驳回/误报），收到 "
          + decision).with("field", "decision");
    }
    String reason = Writes.text(body, "reason", 500);
    return apply(r, id, fingerprint, decision, reason);
  }

  Response delete(Request r) {
    Params.onlyKnown(r, Set.of());
    return apply(r, SharedParameters.reportId(r.param("id")), fingerprint(r), null, null);
  }

  private static String fingerprint(Request r) {
    String fp = r.param("fingerprint");
    if (fp == null || !fp.matches("[0-9a-f]{16}")) {
      throw Problem.notFound("没有 fingerprint 为 “" + fp + "” 的发现（应为 16 位十六进制）");
    }
    return fp;
  }

  private Response apply(Request r, String id, String fingerprint, String decision, String reason) {
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome outcome = ctx.writer().apply(new Change.Review(id, fingerprint, decision, reason,
        Writes.who(r), expected));
    WriteResult result = outcome.result();
    if (result == WriteResult.NOT_FOUND) {
      throw Problem.notFound(ctx.store().reportView(id).filter(v -> !v.rejected()).isEmpty()
          ? "没有编号为 " + id + " 的报告" : "报告 " + id + " 没有 fingerprint 为 " + fingerprint + " 的发现");
    } else if (result == WriteResult.NOT_REVIEWABLE) {
      throw new Problem(Problem.Type.CONFLICT, "这条发现是读取说明（nianbao 如何读取文档），不是报告的问题，不审核");
    } else if (result == WriteResult.REVISION_MISMATCH) {
      throw Writes.stale(id, expected);
    }
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    Finding finding = ctx.store().findings(id).stream().filter(f -> fingerprint.equals(f.fingerprint()))
        .findFirst().orElse(null);
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("fingerprint", fingerprint);
    Writes.counts(out, view);
    out.set("finding", finding == null ? Json.MAPPER.nullNode() : Json.tree(finding));
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  /** The counts as read, dismissed findings included, beside the counted ones. */
  static void asRead(ObjectNode out, ReportView view) {
    ObjectNode asRead = out.putObject("asRead");
    asRead.put("errors", view.readErrors());
    asRead.put("warnings", view.readWarnings());
  }
}

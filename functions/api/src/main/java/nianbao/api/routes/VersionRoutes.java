package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.review.FindingReviews;
import nianbao.store.ReportView;
import nianbao.store.Timestamps;
import nianbao.store.VersionView;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/**
 * A report's versions as reviewers handle them: one version's report ({@code GET /reports/{id}/versions/{sha256}}),
 * choosing the current one ({@code PUT /reports/{id}/current}) and removing one ({@code DELETE …/versions/{sha256}}).
 */
public final class VersionRoutes {
  static final Param SHA = Param.path("sha256", "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{64}$\"}",
      "版本的 sha256（GET /reports/{id}/versions）");

  private final ApiContext ctx;

  public VersionRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/reports/{id}/versions/{sha256}", "getReportVersion", "一份报告某一版本的内容（与 GET /reports/{id} 同形）")
            .description("该版本读取时的表格与发现（其自身的单份报告规则；跨年规则 X2/X4/X5 只属于当前版本），发现带"
                + " fingerprint 与审核结论；审核人的更正只用于当前报告，不改变版本。version 说明是否当前版本、是否已删除。")
            .param(SharedParameters.ID).param(SHA).json(200, "ReportDetail", "该版本的报告")
            .problem(404, "没有这份报告或这个版本").to(this::get),
        Route.put("/reports/{id}/current", "chooseCurrentVersion", "设为当前版本（需要授权）")
            .description("body {\"version\":\"<sha256>\"}：报告从此按该版本计数——表格、发现、计数、汇总都换成该版本的，"
                + "并与相邻年度重新检查跨年规则。之后更晚的上传仍会成为当前版本。写入修改记录。可带 If-Match。")
            .writes().param(SharedParameters.ID).body("application/json", "CurrentVersionRequest", "要设为当前的版本")
            .json(200, "VersionChange", "已设为当前版本").problem(400, "请求体有误").problem(401, "未登录")
            .problem(404, "没有这份报告或这个版本").problem(409, "该版本已删除，不能设为当前版本")
            .problem(412, "报告已被他人修改（If-Match 不符）").problem(415, "请求体不是 JSON").to(this::choose),
        Route.delete("/reports/{id}/versions/{sha256}", "removeReportVersion", "删除报告的一个版本（需要授权）")
            .description("版本不再列为可用、不再成为当前版本（其文件保留到保留期满——模板参数 DeletedRetentionDays，默认 30 天——"
                + "之后由每日清理连同该版本的表格永久删除，并写入修改记录；期满前再次上传同一文件会恢复它）；删除的是当前版本时，"
                + "其余版本中最新上传的成为当前版本。报告的最后一个版本不能这样删除（409；删除整份报告用 DELETE "
                + "/reports/{id}）。写入修改记录。可带 If-Match。")
            .writes().param(SharedParameters.ID).param(SHA).json(200, "VersionChange", "已删除该版本")
            .problem(401, "未登录").problem(404, "没有这份报告或这个版本").problem(409, "这是报告仅剩的版本")
            .problem(412, "报告已被他人修改（If-Match 不符）").to(this::remove));
  }

  Response get(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    String sha = sha(r.param("sha256"));
    ReportView h = ctx.store().reportView(id).filter(v -> !v.rejected())
        .orElseThrow(() -> SharedParameters.noReport(id));
    VersionView.WithReport found = ctx.store().versionReport(id, sha).orElseThrow(() -> noVersion(id, sha));
    VersionView v = found.version();
    Report read = found.report();
    boolean current = sha.equals(h.currentSha256());
    List<Finding> findings = current ? withCross(read.findings(), h.crossYearFindings()) : read.findings();
    Report report = read.withFindings(FindingReviews.apply(findings,
        ctx.store().reviewState(id).decisions()));
    ObjectNode out = ReportRoutes.headJson(h);
    Map<String, Integer> byRule = new TreeMap<>();
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    int readErrors = 0;
    int readWarnings = 0;
    // counted as the report's are: a finding a reviewer dismissed is listed, not counted (asRead counts it)
    for (Finding f : report.findings()) {
      boolean counted = !f.dismissed();
      byRule.merge(f.rule(), counted ? 1 : 0, Integer::sum);
      switch (f.severity()) {
        case ERROR -> {
          readErrors++;
          errors += counted ? 1 : 0;
        }
        case WARNING -> {
          readWarnings++;
          warnings += counted ? 1 : 0;
        }
        default -> notes++;
      }
    }
    out.put("status", errors > 0 ? "HAS_ERRORS" : "VALID");
    out.put("errors", errors);
    out.put("warnings", warnings);
    out.put("notes", notes);
    ObjectNode rules = out.putObject("findingsByRule");
    byRule.forEach(rules::put);
    out.put("uploadedAt", v.uploadedAt());
    out.put("reader", v.reader());
    out.put("rulesVersion", v.rulesVersion());
    ObjectNode upload = (ObjectNode) out.get("upload");
    upload.put("bucket", v.file().bucket());
    upload.put("key", v.file().key());
    upload.put("versionId", v.file().objectVersionId());
    upload.put("size", v.file().size());
    upload.put("format", v.file().format());
    upload.put("name", v.file().name());
    upload.put("sha256", v.sha256());
    upload.put("sourceUrl", "/reports/" + ReportRoutes.enc(id) + "/source?version=" + sha);
    ObjectNode asRead = (ObjectNode) out.get("asRead");
    asRead.put("errors", readErrors);
    asRead.put("warnings", readWarnings);
    out.set("report", Json.tree(report));
    SectionRoutes.capLongSections((ObjectNode) out.get("report"), id);
    out.putArray("corrections");
    ObjectNode version = out.putObject("version");
    version.put("sha256", sha);
    version.put("current", current);
    version.put("withdrawn", v.withdrawn());
    version.put("removedAt", v.removedAt());
    version.put("removedBy", v.removedBy());
    return Response.read(Json.write(out));
  }

  private static List<Finding> withCross(List<Finding> own, List<Finding> cross) {
    List<Finding> all = new java.util.ArrayList<>(own);
    all.addAll(cross);
    return all;
  }

  Response choose(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    JsonNode body = Writes.jsonBody(r, "{version}");
    String sha = Writes.text(body, "version", 64);
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 version 应为版本的 sha256（64 位十六进制），收到 " + sha)
          .with("field", "version");
    }
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome o = ctx.writer().apply(new Change.ChooseVersion(id, sha, Writes.who(r), expected));
    if (o.result() == WriteResult.VERSION_WITHDRAWN) {
      throw new Problem(Problem.Type.CONFLICT, "版本 " + sha + " 已删除（或其文件已全部删除），不能设为当前版本；"
          + "重新上传该文件可恢复它");
    }
    return answer(o, id, sha, expected);
  }

  Response remove(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    String sha = sha(r.param("sha256"));
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome o = ctx.writer().apply(new Change.RemoveVersion(id, sha, Writes.who(r),
        Timestamps.iso(ctx.clock().instant().plus(DeletionRoutes.retention())), expected));
    if (o.result() == WriteResult.LAST_VERSION) {
      throw new Problem(Problem.Type.CONFLICT, "版本 " + sha + " 是报告 " + id + " 仅剩的版本：删除它就是删除报告，"
          + "请用 DELETE /reports/" + id + "（管理员）");
    }
    return answer(o, id, sha, expected);
  }

  private Response answer(ReportWriter.Outcome o, String id, String sha, Long expected) {
    if (o.result() == WriteResult.NOT_FOUND) {
      throw ctx.store().reportView(id).filter(v -> !v.rejected()).isEmpty() ? SharedParameters.noReport(id)
          : noVersion(id, sha);
    } else if (o.result() == WriteResult.REVISION_MISMATCH) {
      throw Writes.stale(id, expected);
    }
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("version", sha);
    out.put("changed", o.result() != WriteResult.UNCHANGED);
    out.put("current", view.currentSha256());
    Writes.counts(out, view);
    out.put("notes", view.notes());
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  private static String sha(String sha) {
    if (sha == null || !sha.matches("[0-9a-f]{64}")) {
      throw Problem.notFound("没有 sha256 为 “" + sha + "” 的版本（应为 64 位十六进制）");
    }
    return sha;
  }

  private static Problem noVersion(String id, String sha) {
    return Problem.notFound("报告 " + id + " 没有 sha256 为 " + sha + " 的版本");
  }
}

package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
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
import nianbao.core.settings.Settings;
import nianbao.store.ReportView;
import nianbao.store.Timestamps;
import nianbao.store.DeletionView;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/**
 * {@code DELETE /reports/{id}} and {@code POST /reports/{id}/restore}, for administrators only: a soft delete — the
 * report leaves the lists, the summaries and the cross-year rules at once, and everything of it (versions, review,
 * history, files) is kept for the retention period ({@code DELETED_RETENTION_DAYS}, default 30), during which a
 * restore brings it back as it was; then the purge ({@link nianbao.api.DeletionPurge}) removes it for good.
 */
public final class DeletionRoutes {
  static final int DEFAULT_RETENTION_DAYS = 30;

  private final ApiContext ctx;

  public DeletionRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** How long a deleted report is kept (template parameter {@code DeletedRetentionDays}). */
  public static Duration retention() {
    return Duration.ofDays(Settings.system().get("DELETED_RETENTION_DAYS").map(Integer::parseInt)
        .orElse(DEFAULT_RETENTION_DAYS));
  }

  public List<Route> routes() {
    return List.of(
        Route.delete("/reports/{id}", "deleteReport", "删除报告（仅管理员；保留期内可恢复）")
            .description("软删除：报告立即离开列表、汇总与跨年规则；其版本、审核、修改记录与原始文件保留到 expiresAt"
                + "（保留期，模板参数 DeletedRetentionDays，默认 30 天），期间可用 POST /reports/{id}/restore 恢复，"
                + "期满后由每日清理永久删除。仅管理员（Cognito 组 admin；本地为唯一的本地用户）。写入修改记录。"
                + "可带 If-Match。sources 为空：文件在保留期内不删除。")
            .writes(Access.Role.ADMIN).param(SharedParameters.ID).json(200, "Deleted", "已删除（可恢复）").problem(401, "未登录")
            .problem(403, "不是管理员").problem(404, "没有这份报告").problem(412, "报告已被他人修改（If-Match 不符）")
            .to(this::delete),
        Route.post("/reports/{id}/restore", "restoreReport", "恢复已删除的报告（仅管理员）")
            .description("保留期内恢复：报告按删除时的当前版本回到列表与汇总，审核结论与更正照旧，并与相邻年度重新"
                + "检查跨年规则。写入修改记录。")
            .writes(Access.Role.ADMIN).param(SharedParameters.ID).json(200, "Restored", "已恢复").problem(401, "未登录")
            .problem(403, "不是管理员").problem(404, "没有已删除（且仍在保留期内）的这份报告")
            .problem(409, "报告未被删除（或其文件已全部删除）").to(this::restore));
  }

  Response delete(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    Long expected = Writes.ifMatch(r);
    String expiresAt = Timestamps.iso(ctx.clock().instant().plus(retention()));
    ReportWriter.Outcome o = ctx.writer().apply(new Change.Delete(id, Writes.who(r), expiresAt, expected));
    if (o.result() == WriteResult.NOT_FOUND) {
      DeletionView deleted = ctx.store().deleted(id).orElse(null);
      throw Problem.notFound(deleted == null ? "没有编号为 " + id + " 的报告"
          : "报告 " + id + " 已于 " + deleted.deletedAt() + " 删除，可在 " + deleted.expiresAt() + " 前恢复");
    } else if (o.result() == WriteResult.REVISION_MISMATCH) {
      throw Writes.stale(id, expected);
    }
    DeletionView deleted = ctx.store().deleted(id).orElseThrow(() -> new IllegalStateException(
        "report " + id + " deleted without its tombstone"));
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("deleted", true);
    out.putArray("sources");
    out.put("deletedAt", deleted.deletedAt());
    out.put("deletedBy", deleted.deletedBy());
    out.put("expiresAt", deleted.expiresAt());
    out.put("restoreUrl", "/reports/" + ReportRoutes.enc(id) + "/restore");
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  Response restore(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    ReportWriter.Outcome o = ctx.writer().apply(new Change.Restore(id, Writes.who(r)));
    if (o.result() == WriteResult.NOT_FOUND) {
      throw Problem.notFound("没有编号为 " + id + " 的已删除报告（从未有过，或保留期已过、已永久删除）");
    } else if (o.result() == WriteResult.NOT_DELETED) {
      throw new Problem(Problem.Type.CONFLICT, "报告 " + id + " 没有被删除（或删除后已重新上传）");
    } else if (o.result() == WriteResult.VERSION_WITHDRAWN) {
      throw new Problem(Problem.Type.CONFLICT, "报告 " + id + " 的文件已全部删除，无法恢复");
    }
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("restored", true);
    Writes.counts(out, view);
    out.put("notes", view.notes());
    out.put("reportUrl", "/reports/" + ReportRoutes.enc(id));
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }
}

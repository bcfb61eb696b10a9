package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
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
import nianbao.store.Page;
import nianbao.store.HistoryView;

/** {@code GET /reports/{id}/history}: who changed the report, when, and what it was before and after. */
public final class HistoryRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final ApiContext ctx;

  public HistoryRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/reports/{id}/history", "getReportHistory", "一份报告的修改记录（审计），最新在前")
        .description("每条记录：谁（登录用户的 sub，本地为 local）、何时、做了什么（action：review 审核、review.withdrawn "
            + "撤回审核、correction 更正、correction.withdrawn 撤回更正、notice 发出整改通知、version.current 设为当前版本、version.removed "
            + "删除版本、version.purged 删除的版本保留期满、其文件与表格已永久清除（by 为 purge）、deleted 删除报告、restored 恢复报告）、对象（target：发现的 fingerprint、单元格、版本的 sha256）、"
            + "修改前后（before、after）。与修改本身在同一事务中写入。用 cursor 翻页直到没有 cursor。已删除（保留期内）的"
            + "报告仍可查看其记录。")
        .param(SharedParameters.ID)
        .param(Param.query("limit", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":200,\"default\":50}", "每页条数"))
        .param(Param.query("cursor", "{\"type\":\"string\"}", "上一页返回的 cursor，原样使用"))
        .json(200, "HistoryList", "修改记录，最新在前").problem(400, "参数有误").problem(404, "没有这份报告")
        .to(this::history));
  }

  Response history(Request r) {
    Params.onlyKnown(r, Set.of("limit", "cursor"));
    String id = SharedParameters.reportId(r.param("id"));
    int limit = Params.integer(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    String storeCursor = unwrap(id, r.query("cursor"));
    Page<HistoryView> page;
    try {
      page = ctx.store().history(id, limit, storeCursor);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("cursor", "参数 cursor 无效：它不属于这份报告的记录");
    }
    if (storeCursor == null && page.items().isEmpty() && ctx.store().head(id).isEmpty()) {
      throw SharedParameters.noReport(id);
    }
    ObjectNode out = Json.object();
    out.put("id", id);
    ArrayNode items = out.putArray("items");
    page.items().forEach(e -> items.add(json(e)));
    String next = page.cursor() == null ? null : CursorSeal.system().seal("history." + id + "." + page.cursor());
    out.put("cursor", next);
    out.put("limit", limit);
    Response response = Response.read(Json.write(out));
    if (next != null) {
      response.header("Link", "</reports/" + ReportRoutes.enc(id) + "/history?limit=" + limit + "&cursor="
          + ReportRoutes.enc(next) + ">; rel=\"next\"");
    }
    return response;
  }

  /** The store's cursor inside a sealed cursor of this report's history; a 400 for anything else. */
  private static String unwrap(String id, String cursor) {
    if (cursor == null) {
      return null;
    }
    String text = CursorSeal.system().open(cursor);
    String prefix = "history." + id + ".";
    if (text == null || !text.startsWith(prefix) || text.length() == prefix.length()) {
      throw Problem.badParameter("cursor", "参数 cursor 无效（格式有误、被改动或属于另一份报告）：应原样使用上一页返回的 cursor");
    }
    return text.substring(prefix.length());
  }

  static ObjectNode json(HistoryView e) {
    ObjectNode o = Json.object();
    o.put("at", e.at());
    o.put("action", e.action());
    o.put("by", e.by());
    o.put("target", e.target());
    o.set("before", parsed(e.before()));
    o.set("after", parsed(e.after()));
    o.put("revision", e.revision());
    return o;
  }

  private static JsonNode parsed(String json) {
    if (json == null) {
      return Json.MAPPER.nullNode();
    }
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable history entry", e);
    }
  }
}

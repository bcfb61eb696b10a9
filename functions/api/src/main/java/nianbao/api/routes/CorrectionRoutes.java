package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import nianbao.core.model.Location;
import nianbao.core.review.Correction;
import nianbao.core.review.Corrections;
import nianbao.core.review.ReportCells;
import nianbao.store.ReportStore;
import nianbao.store.ReportView;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/** {@code /reports/{id}/corrections}: a reviewer corrects a cell (or fills a blank), or withdraws a correction. */
public final class CorrectionRoutes {
  static final Param CORRECTION_ID = Param.path("correctionId", "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{12}$\"}",
      "更正的 id（GET /reports/{id} 的 corrections）");

  private final ApiContext ctx;

  public CorrectionRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/reports/{id}/corrections", "correctCell", "更正一个单元格（需要授权）")
            .description("location 与发现的 location 相同（section 二/三/四，row，多列表格的 column）；value 为整数、"
                + "收费金额等金额的十进制字符串，或 null（空白）；须写明 reason。同一单元格再次更正则取代前一次。"
                + "报告随即按更正后的数值重新检查（含相邻年度的跨年规则），汇总使用更正后的数值；原始版本保持读取结果。"
                + "重新读取或新版本仍读出更正时的 asRead 时更正继续有效，否则标记为需核对且不应用。可带 If-Match。")
            .writes().param(SharedParameters.ID).body("application/json", "CorrectionRequest", "更正")
            .json(201, "CorrectionResult", "已更正").problem(400, "请求体有误或位置不是表格单元格")
            .problem(401, "未登录").problem(404, "没有这份报告").problem(409, "与读取值相同，无需更正")
            .problem(412, "报告已被他人修改（If-Match 不符）").problem(415, "请求体不是 JSON").to(this::post),
        Route.delete("/reports/{id}/corrections/{correctionId}", "withdrawCorrection", "撤回一项更正（需要授权）")
            .description("单元格恢复为读取结果，报告重新检查。可带 If-Match。")
            .writes().param(SharedParameters.ID).param(CORRECTION_ID).json(200, "CorrectionResult", "已撤回")
            .problem(401, "未登录").problem(404, "没有这份报告或这项更正")
            .problem(412, "报告已被他人修改（If-Match 不符）").to(this::delete));
  }

  Response post(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    JsonNode body = Writes.jsonBody(r, "{location, value, reason}");
    JsonNode l = body.get("location");
    if (l == null || !l.isObject()) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 location 应为对象 {section, row, column}").with("field", "location");
    }
    Location location = new Location(optional(l, "section"), optional(l, "row"), optional(l, "column"));
    if (!body.has("value")) {
      throw new Problem(Problem.Type.BAD_BODY, "缺少字段 value（空白用 null）").with("field", "value");
    }
    String value = value(body.get("value"), location);
    String reason = Writes.text(body, "reason", 500);
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome o = ctx.writer().apply(new Change.Correct(id, location, value, reason, Writes.who(r),
        expected));
    if (o.result() == WriteResult.NO_SUCH_CELL) {
      throw new Problem(Problem.Type.BAD_BODY, "location " + Json.write(Json.tree(location))
          + " 不是这份报告表格中的单元格").with("field", "location");
    } else if (o.result() == WriteResult.UNCHANGED) {
      throw new Problem(Problem.Type.CONFLICT, "该单元格读取的值已是 " + (value == null ? "空白" : value) + "，无需更正");
    }
    refused(o, id, expected, "没有编号为 " + id + " 的报告");
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    ReportStore.Reviewed reviewed = ctx.store().reviewed(view);
    Corrections.State made = reviewed.corrections().stream()
        .filter(s -> s.correction().location().equals(location)).findFirst().orElseThrow();
    return answer(201, view, made);
  }

  Response delete(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    String correctionId = r.param("correctionId");
    if (correctionId == null || !correctionId.matches("[0-9a-f]{12}")) {
      throw Problem.notFound("没有 id 为 “" + correctionId + "” 的更正");
    }
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome o = ctx.writer().apply(new Change.Uncorrect(id, correctionId, Writes.who(r), expected));
    refused(o, id, expected, ctx.store().reportView(id).isEmpty() ? "没有编号为 " + id + " 的报告"
        : "报告 " + id + " 没有 id 为 " + correctionId + " 的更正");
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    return answer(200, view, null);
  }

  private static void refused(ReportWriter.Outcome o, String id, Long expected, String notFound) {
    if (o.result() == WriteResult.NOT_FOUND) {
      throw Problem.notFound(notFound);
    } else if (o.result() == WriteResult.REVISION_MISMATCH) {
      throw Writes.stale(id, expected);
    }
  }

  private static Response answer(int status, ReportView view, Corrections.State made) {
    ObjectNode out = Json.object();
    out.put("id", view.id());
    Writes.counts(out, view);
    if (made == null) {
      out.putNull("correction");
    } else {
      out.set("correction", json(made));
    }
    return Response.json(status, Json.write(out)).header("Cache-Control", "no-store");
  }

  /** The corrections of a report as served: each with its state on the current reading. */
  static ArrayNode json(List<Corrections.State> states) {
    ArrayNode list = Json.array();
    states.forEach(s -> list.add(json(s)));
    return list;
  }

  static ObjectNode json(Corrections.State s) {
    Correction c = s.correction();
    ObjectNode o = Json.object();
    o.put("id", c.id());
    o.set("location", Json.tree(c.location()));
    cell(o, "value", c.value(), c.location());
    cell(o, "asRead", c.asRead(), c.location());
    o.put("reason", c.reason());
    o.put("by", c.by());
    o.put("at", c.at());
    o.put("state", s.applied() ? "applied" : "flagged");
    if (!s.applied()) {
      o.put("flag", s.flag());
      cell(o, "readNow", s.readNow(), c.location());
    }
    return o;
  }

  /** A cell's value as the report's JSON has it: a number, a decimal string for an amount, or null. */
  private static void cell(ObjectNode o, String name, String value, Location l) {
    if (value == null) {
      o.putNull(name);
    } else if (ReportCells.decimal(l)) {
      o.put(name, value);
    } else {
      o.put(name, Long.parseLong(value));
    }
  }

  private static String optional(JsonNode l, String field) {
    JsonNode n = l.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new Problem(Problem.Type.BAD_BODY, "location." + field + " 应为文本").with("field", "location");
    }
    return n.asText();
  }

  /** The value as text: digits, or a decimal string for an amount, or null for a blank. */
  private static String value(JsonNode v, Location l) {
    if (v.isNull()) {
      return null;
    }
    if (l.row() != null && ReportCells.decimal(l)) {
      if (!v.isTextual() || !v.asText().matches("\\d{1,15}(\\.\\d{1,8})?")) {
        throw new Problem(Problem.Type.BAD_BODY, "金额应为十进制字符串（如 \"12.50\"），不是 " + v)
            .with("field", "value");
      }
      return v.asText();
    }
    boolean signed = ReportCells.signed(l);
    if (!v.isIntegralNumber() || !v.canConvertToLong() || (!signed && v.asLong() < 0)) {
      throw new Problem(Problem.Type.BAD_BODY, "数值应为" + (signed ? "" : "不小于 0 的") + "整数，不是 " + v)
          .with("field", "value");
    }
    return Long.toString(v.asLong());
  }
}

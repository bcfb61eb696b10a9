package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import nianbao.api.Json;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;

/** What every review write reads of its request: a JSON body, the optional If-Match revision, and who asks. */
final class Writes {
  private Writes() {}

  /** Without an authorizer (the local stack, tests) the one local user. */
  static final String LOCAL_USER = "local";

  static JsonNode jsonBody(Request r, String shape) {
    String type = r.header("content-type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new Problem(Problem.Type.UNSUPPORTED_MEDIA_TYPE, "请求体须为 JSON（Content-Type: application/json），收到 "
          + (type == null ? "无 Content-Type" : type));
    }
    JsonNode body;
    try {
      body = r.body() == null || r.body().length == 0 ? null : Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new Problem(Problem.Type.BAD_BODY, "请求体不是有效的 JSON");
    }
    if (body == null || !body.isObject()) {
      throw new Problem(Problem.Type.BAD_BODY, "请求体应为 JSON 对象 " + shape);
    }
    return body;
  }

  static String text(JsonNode body, String field, int max) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 " + field + " 应为非空文本").with("field", field);
    }
    String s = n.asText().strip();
    if (s.length() > max) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 " + field + " 不应超过 " + max + " 个字符").with("field", field);
    }
    return s;
  }

  /** The revision of {@code If-Match} (a number, quoted or not), or null when the request has none. */
  static Long ifMatch(Request r) {
    String v = r.header("if-match");
    if (v == null || v.isBlank() || v.strip().equals("*")) {
      return null;
    }
    String s = v.strip();
    if (s.startsWith("W/")) {
      s = s.substring(2);
    }
    s = s.replace("\"", "");
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw Problem.badParameter("If-Match", "If-Match 应为报告的修订号（GET /reports/{id} 的 revision），收到 " + v);
    }
  }

  /** What every write answers of the report after it: status, counts (and as read) and the revision. */
  static void counts(com.fasterxml.jackson.databind.node.ObjectNode out, nianbao.store.ReportView view) {
    out.put("status", view.status());
    out.put("errors", view.errors());
    out.put("warnings", view.warnings());
    out.put("revision", view.revision());
    ReviewRoutes.asRead(out, view);
  }

  static String who(Request r) {
    return r.principal() == null ? LOCAL_USER : r.principal();
  }

  static Problem stale(String id, Long expected) {
    return new Problem(Problem.Type.PRECONDITION_FAILED, "报告 " + id + " 已不是修订号 " + expected
        + "：已有人修改，请重新读取后再提交");
  }
}

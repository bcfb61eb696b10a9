package nianbao.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: thrown by any route, answered as {@code application/problem+json} with a Chinese
 * {@code title} (one per type) and a {@code detail} that says precisely what was wrong with this request. Never
 * carries an internal message or a stack trace.
 */
public final class Problem extends RuntimeException {
  /** The problem types of this API: status, URI suffix, Chinese title. */
  public enum Type {
    BAD_PARAMETER(400, "bad-parameter", "请求参数有误"),
    UNSUPPORTED_FILTER(400, "unsupported-filter", "不支持的筛选组合"),
    BAD_BODY(400, "bad-body", "请求体有误"),
    UNSUPPORTED_FILE_TYPE(400, "unsupported-file-type", "不支持的文件类型"),
    UNAUTHORIZED(401, "unauthorized", "需要登录"),
    FORBIDDEN(403, "forbidden", "没有权限"),
    NOT_FOUND(404, "not-found", "未找到"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法"),
    CONFLICT(409, "conflict", "与当前状态冲突"),
    PRECONDITION_FAILED(412, "precondition-failed", "报告已被他人修改"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "文件过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "请求体格式不受支持"),
    INTERNAL(500, "internal", "服务器内部错误"),
    UNAVAILABLE(503, "unavailable", "服务暂时不可用");

    public final int status;
    public final String slug;
    public final String title;

    Type(int status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }

    public String uri() {
      return "urn:nianbao:problem:" + slug;
    }
  }

  private final Type type;
  private final String detail;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Problem(Type type, String detail) {
    super(type.slug + ": " + detail, null, false, false);
    this.type = type;
    this.detail = detail;
  }

  public static Problem badParameter(String parameter, String detail) {
    return new Problem(Type.BAD_PARAMETER, detail).with("parameter", parameter);
  }

  public static Problem notFound(String detail) {
    return new Problem(Type.NOT_FOUND, detail);
  }

  public static Problem methodNotAllowed(String method, String path, List<String> allowed) {
    return new Problem(Type.METHOD_NOT_ALLOWED, path + " 不支持 " + method + "，支持：" + String.join("、", allowed))
        .header("Allow", String.join(", ", allowed));
  }

  /** An extension member of the problem document (RFC 9457 §3.2). */
  public Problem with(String name, Object value) {
    extensions.put(name, value);
    return this;
  }

  public Problem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Type type() {
    return type;
  }

  public String detail() {
    return detail;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

package nianbao.api.http;

import java.util.logging.Level;
import java.util.logging.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nianbao.api.Json;
import nianbao.store.ListFilter;
import nianbao.store.UnsupportedFilterException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Problems as RFC 9457 {@code application/problem+json}, and what the caller is told of a failure: an unsupported
 * filter is theirs (400 listing the supported ones), and so is a request the store refuses as invalid (400),
 * throttling or an unreachable store is a 503 with
 * {@code Retry-After}, anything else a 500 carrying only the request id. The stack trace goes to the function's
 * log (CloudWatch), never to the caller.
 */
public final class ProblemResponses {
  private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

  private ProblemResponses() {}

  public static Response of(Problem p, String instance, String requestId) {
    ObjectNode body = Json.object();
    body.put("type", p.type().uri());
    body.put("title", p.type().title);
    body.put("status", p.type().status);
    body.put("detail", p.detail());
    body.put("instance", instance);
    p.extensions().forEach((k, v) -> body.set(k, Json.tree(v)));
    if (p.type().status >= 500) {
      body.put("requestId", requestId);
    }
    Response r = new Response(p.type().status).header("Content-Type", Response.PROBLEM)
        .header("Cache-Control", "no-store").body(Json.write(body));
    p.headers().forEach(r::header);
    return r;
  }

  /** The answer to a request whose route threw {@code e}. */
  public static Response of(Request request, RuntimeException e) {
    if (e instanceof Problem p) {
      return of(p, request.path(), request.requestId());
    }
    if (e instanceof UnsupportedFilterException) {
      return of(new Problem(Problem.Type.UNSUPPORTED_FILTER, e.getMessage()).with("supported", ListFilter.supported()),
          request.path(), request.requestId());
    }
    if (e instanceof SdkServiceException s && (s.isThrottlingException() || s.statusCode() == 503)) {
      log(request, e);
      return of(new Problem(Problem.Type.UNAVAILABLE, "存储繁忙，请稍后重试").header("Retry-After", "1"),
          request.path(), request.requestId());
    }
    if (e instanceof SdkServiceException s && s.statusCode() == 400 && !s.isThrottlingException()
        && "ValidationException".equals(errorCode(s))) {
      // what the request asked for cannot be asked of the store (a key it named, a value too long): the caller's
      // request, not a failure of the service; the store's own words stay in the log
      log(request, e);
      return of(new Problem(Problem.Type.BAD_PARAMETER, "请求参数无法用于查询，请检查参数（如 cursor 应原样使用上一页返回的值）"),
          request.path(), request.requestId());
    }
    if (e instanceof SdkClientException) {
      log(request, e);
      return of(new Problem(Problem.Type.UNAVAILABLE, "存储暂时无法访问，请稍后重试").header("Retry-After", "1"),
          request.path(), request.requestId());
    }
    log(request, e);
    return of(new Problem(Problem.Type.INTERNAL, "请求处理失败，请稍后重试；如仍失败，请提供请求编号 "
        + (request.requestId() == null ? "（无）" : request.requestId())), request.path(), request.requestId());
  }

  private static String errorCode(SdkServiceException s) {
    return s instanceof AwsServiceException a && a.awsErrorDetails() != null ? a.awsErrorDetails().errorCode() : null;
  }

  private static void log(Request request, Exception e) {
    LOG.log(Level.SEVERE, request.method() + " " + request.path() + " failed", e);
  }
}

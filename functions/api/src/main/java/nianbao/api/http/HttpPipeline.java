package nianbao.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import nianbao.telemetry.LogContext;
import nianbao.telemetry.MetricNames;
import nianbao.telemetry.Metrics;

/**
 * What every request goes through: the preflight or the router (404, 405), the authorisation check, the route,
 * failures as problems, then on the way out conditional GET, HEAD (the GET's headers, no body) and CORS.
 */
public final class HttpPipeline {
  private final Router router;
  private final Authorisation authorisation;
  private final ConditionalGet conditionalGet;
  private final Cors cors;
  private final Metrics metrics;

  /** Lambda's 6 MB answer limit, less room for the headers and the event's JSON around the body. */
  static final int MAX_ANSWER_BYTES = 5_500_000;

  public HttpPipeline(Router router, Authorisation authorisation, ConditionalGet conditionalGet, Cors cors,
      Metrics metrics) {
    this.router = router;
    this.authorisation = authorisation;
    this.conditionalGet = conditionalGet;
    this.cors = cors;
    this.metrics = metrics;
  }

  public Router router() {
    return router;
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Request request;
    try {
      request = ApiGatewayEvents.request(event);
    } catch (Problem p) {
      // the event itself was malformed (its query string)
      Request fallback = event == null ? null : ApiGatewayEvents.fallback(event);
      Response problem = ProblemResponses.of(p, event == null ? "/" : event.getRawPath(), null);
      return ApiGatewayEvents.response(finish(fallback, problem));
    }
    return ApiGatewayEvents.response(handle(request));
  }

  public Response handle(Request request) {
    long started = System.nanoTime();
    String route = request.method().equals("OPTIONS") ? "OPTIONS" : "unmatched";
    try (LogContext.Scope scope = LogContext.with(LogContext.REQUEST_ID, request.requestId())) {
      Response response;
      try {
        if (request.method().equals("OPTIONS")) {
          response = preflight(request);
        } else {
          Router.Match match = router.match(request);
          route = match.route().method() + " " + match.route().path();
          LogContext.put(LogContext.ROUTE, route);
          authorisation.check(match.route(), match.request());
          response = match.route().handler().handle(match.request());
        }
      } catch (RuntimeException e) {
        response = ProblemResponses.of(request, e);
      }
      Response out = finish(request, response);
      if (out.body() != null && out.bodyBytes().length > MAX_ANSWER_BYTES) {
        // Lambda refuses an answer over 6 MB and API Gateway then answers a bare 500 without CORS: the page could
        // not even read why. Routes keep their answers small (long sections have their own route); this is the
        // last guard.
        out = finish(request, ProblemResponses.of(request, new IllegalStateException(route + " answered "
            + out.bodyBytes().length + " bytes, over Lambda's limit")));
      }
      record(route, out.status(), started);
      return out;
    }
  }

  /** Latency by route (the route's pattern, never the raw path: ids would make a metric per report). */
  private void record(String route, int status, long started) {
    Metrics.Line line = metrics.line().dimension(MetricNames.ROUTE, route)
        .milliseconds(MetricNames.API_LATENCY, (System.nanoTime() - started) / 1_000_000);
    if (status >= 500) {
      line.count(MetricNames.API_SERVER_ERRORS, 1);
    }
    line.print();
  }

  private Response preflight(Request request) {
    List<String> methods = router.allowedMethods(request.path());
    if (methods.isEmpty()) {
      throw Problem.notFound("没有这个地址：" + request.path());
    }
    return cors.preflight(methods);
  }

  private Response finish(Request request, Response response) {
    Response out = conditionalGet.apply(request, response);
    if (request != null && request.method().equals("HEAD") && out.body() != null) {
      out.header("Content-Length", Integer.toString(out.bodyBytes().length));
      out.body(null);
    }
    return cors.apply(request, out);
  }
}

package nianbao.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;

/**
 * What every request goes through: the preflight or the router (404, 405), the authorisation check, the route,
 * failures as problems, then on the way out conditional GET, HEAD (the GET's headers, no body) and CORS.
 */
public final class HttpPipeline {
  private final Router router;
  private final Authorisation authorisation;
  private final ConditionalGet conditionalGet;
  private final Cors cors;

  public HttpPipeline(Router router, Authorisation authorisation, ConditionalGet conditionalGet, Cors cors) {
    this.router = router;
    this.authorisation = authorisation;
    this.conditionalGet = conditionalGet;
    this.cors = cors;
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
    Response response;
    try {
      if (request.method().equals("OPTIONS")) {
        response = preflight(request);
      } else {
        Router.Match match = router.match(request);
        authorisation.check(match.route(), request);
        response = match.route().handler().handle(match.request());
      }
    } catch (RuntimeException e) {
      response = ProblemResponses.of(request, e);
    }
    return finish(request, response);
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

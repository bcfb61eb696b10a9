package nianbao.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Router;
import nianbao.api.openapi.OpenApi;
import nianbao.api.routes.AgencyRoutes;
import nianbao.api.routes.ExportRoutes;
import nianbao.api.routes.ReportRoutes;
import nianbao.api.routes.SummaryRoutes;
import nianbao.api.routes.UploadRoutes;
import nianbao.store.BatchReads;
import nianbao.store.ReportLedger;
import nianbao.store.ReportStore;
import nianbao.store.UnsupportedFilterException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The api function (template.yaml names this class): API Gateway HTTP API events, payload format 2.0, behind one
 * catch-all route. It owns routing (404, 405), CORS (on every answer, errors too, and the preflight), HEAD, ETag
 * with If-None-Match, and errors as RFC 9457 problem+json. Thin: it turns the event into a {@link Request}, lets
 * the {@link Router} pick a route class, and turns the {@link Response} back into the event's answer.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String ALLOW_HEADERS = "Authorization, Content-Type, If-None-Match";
  private static final String EXPOSE_HEADERS = "ETag, Location, Link, Content-Disposition, Retry-After";

  private final ApiContext ctx;
  private final Router router;
  private final ExportRoutes exports;
  private volatile String openApi;

  /** Lambda's constructor: settings from the environment, clients from the SDK's standard settings, once. */
  public ApiHandler() {
    this(fromEnvironment(ApiConfig.fromEnvironment()));
  }

  public ApiHandler(ApiContext ctx) {
    this.ctx = ctx;
    List<Route> routes = new ArrayList<>();
    routes.addAll(new ReportRoutes(ctx).routes());
    routes.addAll(new AgencyRoutes(ctx).routes());
    routes.addAll(new SummaryRoutes(ctx).routes());
    this.exports = new ExportRoutes(ctx);
    routes.addAll(exports.routes());
    routes.addAll(new UploadRoutes(ctx).routes());
    routes.add(Route.get("/openapi.json", "getOpenApi", "本 API 的 OpenAPI 3.1 描述")
        .response(200, "application/json", "OpenApi", "OpenAPI 文档", "ETag").to(r -> openApi()));
    this.router = new Router(routes);
  }

  /** For the local stack and tests: the handler on given clients (the presigner must point at the same S3). */
  public static ApiHandler create(ApiConfig config, S3Client s3, S3Presigner presigner, DynamoDbClient dynamo) {
    return create(config, s3, presigner, dynamo, Clock.systemUTC());
  }

  public static ApiHandler create(ApiConfig config, S3Client s3, S3Presigner presigner, DynamoDbClient dynamo,
      Clock clock) {
    return create(config, s3, presigner, dynamo, clock, ExportJobs.inProcess());
  }

  /** As above, with the runner of exports too slow for one answer (in-process by default). */
  public static ApiHandler create(ApiConfig config, S3Client s3, S3Presigner presigner, DynamoDbClient dynamo,
      Clock clock, ExportJobs jobs) {
    ReportStore store = new ReportStore(dynamo, config.tableName());
    return new ApiHandler(new ApiContext(config, store, new BatchReads(store), new ReportLedger(store, clock), s3,
        presigner, clock, jobs));
  }

  private static ApiContext fromEnvironment(ApiConfig config) {
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    String endpoint = setting("aws.endpointUrlS3", "AWS_ENDPOINT_URL_S3");
    if (endpoint == null) {
      endpoint = setting("aws.endpointUrl", "AWS_ENDPOINT_URL");
    }
    // local servers have no per-bucket host names: path-style whenever an endpoint is configured
    S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(endpoint != null)
        .build();
    S3Presigner.Builder presigner = S3Presigner.builder();
    if (endpoint != null) {
      presigner.endpointOverride(java.net.URI.create(endpoint))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    ReportStore store = new ReportStore(dynamo, config.tableName());
    Clock clock = Clock.systemUTC();
    // in Lambda a slow export continues in an asynchronous invocation of this same function
    String self = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    ExportJobs jobs = self == null || self.isBlank() ? ExportJobs.inProcess()
        : ExportJobs.lambda(UrlConnectionHttpClient.create(),
            new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion().id(), self);
    return new ApiContext(config, store, new BatchReads(store), new ReportLedger(store, clock), s3,
        presigner.build(), clock, jobs);
  }

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    return v != null && !v.isBlank() ? v : System.getenv(env) == null || System.getenv(env).isBlank() ? null
        : System.getenv(env);
  }

  public Router router() {
    return router;
  }

  public ApiConfig config() {
    return ctx.config();
  }

  // ================================================================================================ Lambda

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    if (event != null && event.getRequestContext() == null && ExportJobs.ROUTE_KEY.equals(event.getRouteKey())) {
      // this function's own asynchronous invocation (API Gateway always sends a request context)
      return exportJob(event, context);
    }
    Response r;
    Request request = null;
    try {
      request = request(event);
      r = handle(request);
    } catch (Problem p) {
      // the event itself was malformed (query string)
      r = finish(event == null ? null : fallback(event), problem(p, event == null ? "/" : event.getRawPath(), null));
    }
    return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(r.headers())
        .withBody(r.body()).withIsBase64Encoded(false).build();
  }

  private APIGatewayV2HTTPResponse exportJob(APIGatewayV2HTTPEvent event, Context context) {
    String path = event.getRawPath() == null ? "" : event.getRawPath();
    String kind = event.getHeaders() == null ? null : event.getHeaders().get("x-nianbao-export");
    ExportJobs.Job job = new ExportJobs.Job(path.substring(path.lastIndexOf('/') + 1), kind,
        event.getRawQueryString() == null ? "" : event.getRawQueryString());
    // stop 15 s before the function's timeout, to record the failure
    long budget = context == null ? java.time.Duration.ofMinutes(10).toMillis()
        : context.getRemainingTimeInMillis() - 15_000L;
    boolean done = exports.runJob(job, java.time.Duration.ofMillis(Math.max(1_000L, budget)));
    return APIGatewayV2HTTPResponse.builder().withStatusCode(done ? 200 : 500)
        .withBody("{\"job\":\"" + job.id() + "\",\"done\":" + done + "}").build();
  }

  /** The request as the router sees it, from an API Gateway payload 2.0 event. */
  public static Request request(APIGatewayV2HTTPEvent event) {
    var rc = event.getRequestContext();
    String method = rc != null && rc.getHttp() != null && rc.getHttp().getMethod() != null
        ? rc.getHttp().getMethod() : routeKeyMethod(event.getRouteKey());
    String path = event.getRawPath() != null ? event.getRawPath()
        : rc != null && rc.getHttp() != null ? rc.getHttp().getPath() : "/";
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    Map<String, String> query;
    if (event.getRawQueryString() != null) {
      query = Params.parse(event.getRawQueryString());
    } else {
      query = event.getQueryStringParameters() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(event.getQueryStringParameters());
    }
    byte[] body = new byte[0];
    if (event.getBody() != null) {
      body = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
          : event.getBody().getBytes(StandardCharsets.UTF_8);
    }
    String principal = null;
    if (rc != null && rc.getAuthorizer() != null) {
      var a = rc.getAuthorizer();
      if (a.getJwt() != null && a.getJwt().getClaims() != null && !a.getJwt().getClaims().isEmpty()) {
        principal = a.getJwt().getClaims().getOrDefault("sub", "jwt");
      } else if (a.getIam() != null) {
        principal = a.getIam().getUserArn() != null ? a.getIam().getUserArn() : "iam";
      } else if (a.getLambda() != null && !a.getLambda().isEmpty()) {
        principal = "lambda";
      }
    }
    return new Request(method.toUpperCase(Locale.ROOT), path, query, headers, body, Map.of(), principal,
        rc == null ? null : rc.getRequestId());
  }

  private static Request fallback(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    return new Request("GET", event.getRawPath() == null ? "/" : event.getRawPath(), Map.of(), headers, new byte[0],
        Map.of(), null, null);
  }

  private static String routeKeyMethod(String routeKey) {
    if (routeKey != null && routeKey.contains(" ")) {
      return routeKey.substring(0, routeKey.indexOf(' '));
    }
    return "GET";
  }

  // ================================================================================================ HTTP

  /** Answers one request: routing, authorisation, the route, then errors, conditional GET, HEAD and CORS. */
  public Response handle(Request request) {
    Response response;
    try {
      if (request.method().equals("OPTIONS")) {
        response = preflight(request);
      } else {
        Router.Match match = router.match(request);
        authorise(match.route(), request);
        response = match.route().handler().handle(match.request());
      }
    } catch (Problem p) {
      response = problem(p, request.path(), request.requestId());
    } catch (UnsupportedFilterException e) {
      response = problem(new Problem(Problem.Type.UNSUPPORTED_FILTER, e.getMessage())
          .with("supported", nianbao.store.ListFilter.supported()), request.path(), request.requestId());
    } catch (SdkServiceException e) {
      if (e.isThrottlingException() || e.statusCode() == 503) {
        log(request, e);
        response = problem(new Problem(Problem.Type.UNAVAILABLE, "存储繁忙，请稍后重试").header("Retry-After", "1"),
            request.path(), request.requestId());
      } else {
        response = internal(request, e);
      }
    } catch (SdkClientException e) {
      log(request, e);
      response = problem(new Problem(Problem.Type.UNAVAILABLE, "存储暂时无法访问，请稍后重试")
          .header("Retry-After", "1"), request.path(), request.requestId());
    } catch (RuntimeException e) {
      response = internal(request, e);
    }
    return finish(request, response);
  }

  private void authorise(Route route, Request request) {
    ApiConfig c = ctx.config();
    boolean needs = route.protectedRoute() || c.protectReads();
    if (c.authRequired() && needs && request.principal() == null) {
      throw new Problem(Problem.Type.UNAUTHORIZED, request.method() + " " + route.path()
          + " 需要登录：请求须带有效的 Authorization: Bearer 令牌").header("WWW-Authenticate", "Bearer");
    }
  }

  private Response preflight(Request request) {
    List<String> methods = router.allowedMethods(request.path());
    if (methods.isEmpty()) {
      throw Problem.notFound("没有这个地址：" + request.path());
    }
    return new Response(204).header("Allow", String.join(", ", methods))
        .header("Access-Control-Allow-Methods", String.join(", ", methods))
        .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
        .header("Access-Control-Max-Age", "600");
  }

  private static Response internal(Request request, RuntimeException e) {
    log(request, e);
    return problem(new Problem(Problem.Type.INTERNAL, "请求处理失败，请稍后重试；如仍失败，请提供请求编号 "
        + (request.requestId() == null ? "（无）" : request.requestId())), request.path(), request.requestId());
  }

  private static void log(Request request, Exception e) {
    // to the function's log (CloudWatch), never to the caller
    System.err.println("request " + request.requestId() + " " + request.method() + " " + request.path() + " failed");
    e.printStackTrace();
  }

  static Response problem(Problem p, String instance, String requestId) {
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

  /** Conditional GET, HEAD, CORS: what every answer gets on its way out. */
  private Response finish(Request request, Response response) {
    ApiConfig c = ctx.config();
    if (response.isCacheable() && response.status() == 200) {
      String etag = etag(response.bodyBytes());
      String cache = (c.protectReads() ? "private" : "public") + ", max-age=" + c.readMaxAge().toSeconds();
      response.header("ETag", etag).header("Cache-Control", cache);
      if (request != null && matches(request.header("if-none-match"), etag)) {
        Response notModified = new Response(304).header("ETag", etag).header("Cache-Control", cache);
        return cors(request, notModified);
      }
    }
    if (request != null && request.method().equals("HEAD") && response.body() != null) {
      response.header("Content-Length", Integer.toString(response.bodyBytes().length));
      response.body(null);
    }
    return cors(request, response);
  }

  private Response cors(Request request, Response response) {
    List<String> allowed = ctx.config().allowedOrigins();
    String origin = request == null ? null : request.header("origin");
    if (allowed.contains("*")) {
      response.header("Access-Control-Allow-Origin", "*");
    } else {
      if (origin != null && allowed.contains(origin)) {
        response.header("Access-Control-Allow-Origin", origin);
      } else if (allowed.size() == 1) {
        response.header("Access-Control-Allow-Origin", allowed.get(0));
      }
      response.header("Vary", "Origin");
    }
    response.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    return response;
  }

  static String etag(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private Response openApi() {
    String doc = openApi;
    if (doc == null) {
      doc = Json.write(OpenApi.document(router.routes(), ctx.config().protectReads()));
      openApi = doc;
    }
    return Response.read(doc);
  }
}

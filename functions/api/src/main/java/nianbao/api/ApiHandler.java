package nianbao.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Optional;
import nianbao.api.http.Authorisation;
import nianbao.api.http.ConditionalGet;
import nianbao.api.http.Cors;
import nianbao.api.http.HttpPipeline;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Router;
import nianbao.api.routes.ExportRoutes;
import nianbao.telemetry.Metrics;
import nianbao.telemetry.Telemetry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The api function (template.yaml names this class): API Gateway HTTP API events, payload format 2.0, through the
 * {@link HttpPipeline} (routing, authorisation, problems, conditional GET, HEAD, CORS); and its own asynchronous
 * invocations, which run a background export ({@link ExportJobs}), and the daily purge of deleted reports
 * ({@link DeletionPurge}). Built by {@link ApiFactory}.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final ApiContext ctx;
  private final ExportRoutes exports;
  private final HttpPipeline pipeline;

  /** Lambda's constructor: settings from the environment, clients from the SDK's standard settings, once. */
  public ApiHandler() {
    this(installLogs());
  }

  private static ApiContext installLogs() {
    Telemetry.installJsonLogs(); // first: the clients the factory builds log through it
    return ApiFactory.fromEnvironment();
  }

  public ApiHandler(ApiContext ctx) {
    this.ctx = ctx;
    this.exports = new ExportRoutes(ctx);
    ApiConfig c = ctx.config();
    this.pipeline = new HttpPipeline(new Router(ApiFactory.routes(ctx, exports)),
        new Authorisation(c.authRequired(), c.protectReads(), new nianbao.api.routes.WritePlaces(ctx)), new ConditionalGet(c.protectReads(), c.readMaxAge()),
        new Cors(c.allowedOrigins()), Metrics.forFunction("api"));
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
    return new ApiHandler(ApiFactory.context(config, s3, presigner, dynamo, clock, jobs));
  }

  public Router router() {
    return pipeline.router();
  }

  public ApiConfig config() {
    return ctx.config();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    if (event != null && event.getRequestContext() == null && DeletionPurge.EVENT.equals(event.getRouteKey())) {
      // the daily schedule: reports deleted longer ago than their retention period go for good
      DeletionPurge.Result r = new DeletionPurge(ctx).run(ctx.clock().instant());
      java.util.logging.Logger.getLogger(ApiHandler.class.getName()).info("清理到期的已删除报告 (purge of deleted "
          + "reports and removed versions past their retention): " + r.reports().size() + " reports, "
          + r.versions().size() + " versions, " + r.objects() + " files, " + r.items() + " items");
      return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{\"purged\":" + r.reports().size()
          + ",\"versions\":" + r.versions().size() + ",\"objects\":" + r.objects() + ",\"items\":" + r.items()
          + "}").build();
    }
    Optional<ExportJobs.Job> job = ExportJobs.fromEvent(event);
    if (job.isPresent()) {
      boolean done = exports.runJob(job.get(), ExportJobs.budget(context));
      return APIGatewayV2HTTPResponse.builder().withStatusCode(done ? 200 : 500)
          .withBody("{\"job\":\"" + job.get().id() + "\",\"done\":" + done + "}").build();
    }
    return pipeline.handle(event);
  }

  /** One request without events: the same pipeline. */
  public Response handle(Request request) {
    return pipeline.handle(request);
  }
}

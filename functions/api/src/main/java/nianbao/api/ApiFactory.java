package nianbao.api;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nianbao.api.http.Route;
import nianbao.api.openapi.OpenApi;
import nianbao.api.routes.AgencyRoutes;
import nianbao.api.routes.ExportRoutes;
import nianbao.api.routes.ReportRoutes;
import nianbao.api.routes.SectionRoutes;
import nianbao.api.routes.SummaryRoutes;
import nianbao.api.routes.UploadRoutes;
import nianbao.core.settings.Settings;
import nianbao.store.BatchReads;
import nianbao.store.ReportStore;
import nianbao.store.write.ReportWriter;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** How the api function is put together: the one place its clients are built, and the list of its routes. */
public final class ApiFactory {
  private ApiFactory() {}

  /**
   * Lambda's: settings from the environment ({@link ApiConfig#fromEnvironment()}), clients from the SDK's standard
   * settings (AWS_REGION, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3, …), each with the light url-connection client.
   */
  public static ApiContext fromEnvironment() {
    Settings settings = Settings.system();
    ApiConfig config = ApiConfig.from(settings);
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    String endpoint = settings.awsEndpoint("S3").orElse(null);
    // local servers have no per-bucket host names: path-style whenever an endpoint is configured
    S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(endpoint != null)
        .build();
    S3Presigner.Builder presigner = S3Presigner.builder();
    if (endpoint != null) {
      presigner.endpointOverride(URI.create(endpoint))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    // in Lambda a slow export continues in an asynchronous invocation of this same function
    String self = settings.get("AWS_LAMBDA_FUNCTION_NAME").orElse(null);
    ExportJobs jobs = self == null ? ExportJobs.inProcess()
        : ExportJobs.lambda(UrlConnectionHttpClient.create(), new DefaultAwsRegionProviderChain().getRegion().id(),
            self);
    return context(config, s3, presigner.build(), dynamo, Clock.systemUTC(), jobs);
  }

  /** On given clients (the local stack, tests); the presigner must point at the same S3 as the client. */
  public static ApiContext context(ApiConfig config, S3Client s3, S3Presigner presigner, DynamoDbClient dynamo,
      Clock clock, ExportJobs jobs) {
    ReportStore store = new ReportStore(dynamo, config.tableName());
    return new ApiContext(config, store, new BatchReads(store), new ReportWriter(store, clock), s3, presigner, clock,
        jobs);
  }

  /** Every route of the API, {@code GET /openapi.json} (generated from this same list) last. */
  static List<Route> routes(ApiContext ctx, ExportRoutes exports) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(new ReportRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.ReviewRoutes(ctx).routes());
    routes.addAll(new SectionRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.CorrectionRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.HistoryRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.NoticeRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.VersionRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.DeletionRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.MergeRoutes(ctx).routes());
    routes.addAll(new AgencyRoutes(ctx).routes());
    routes.addAll(new SummaryRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.RankingRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.RegionRankingRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.TrendRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.RosterRoutes(ctx).routes());
    routes.addAll(new nianbao.api.routes.OversightExports(ctx).routes());
    routes.addAll(exports.routes());
    routes.addAll(new UploadRoutes(ctx).routes());
    routes.add(OpenApi.route(() -> List.copyOf(routes), ctx.config().protectReads()));
    return routes;
  }
}

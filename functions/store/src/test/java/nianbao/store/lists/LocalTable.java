package nianbao.store.lists;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * A table made from template.yaml's declaration on DynamoDB Local in this JVM, with a client that counts the
 * queries it sends, the items they evaluate and the read units DynamoDB reports (ConsumedCapacity).
 */
final class LocalTable implements AutoCloseable {
  static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template", "../../template.yaml"));

  final LocalDynamoDb db;
  final DynamoDbClient dynamo;
  final String table;
  final AtomicInteger queries = new AtomicInteger();
  final AtomicInteger evaluated = new AtomicInteger();
  final DoubleAdder readUnits = new DoubleAdder();

  LocalTable(LocalDynamoDb db) {
    this(db, "t" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The table of stack {@code stack}: made if the database has none yet (a database on a folder keeps it). */
  LocalTable(LocalDynamoDb db, String stack) {
    this(db, db.endpoint(), stack, null);
  }

  /**
   * Table {@code table} of a DynamoDB Local another program runs at {@code endpoint} (a cost program filling it):
   * read through the counting client, never made or closed here.
   */
  static LocalTable attach(java.net.URI endpoint, String table) {
    return new LocalTable(null, endpoint, null, table);
  }

  private LocalTable(LocalDynamoDb db, java.net.URI endpoint, String stack, String existing) {
    this.db = db;
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        // read units of every query, also of readers that do not ask for them (the roster's)
        if (context.request() instanceof QueryRequest q && q.returnConsumedCapacity() == null) {
          return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return context.request();
      }

      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse r) {
          queries.incrementAndGet();
          evaluated.addAndGet(r.scannedCount() == null ? r.count() : r.scannedCount());
          if (r.consumedCapacity() != null && r.consumedCapacity().capacityUnits() != null) {
            readUnits.add(r.consumedCapacity().capacityUnits());
          }
        }
      }
    };
    this.dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(counter).build())
        .build();
    if (existing != null) {
      this.table = existing;
      return;
    }
    SamTemplate template = SamTemplate.read(TEMPLATE, Map.of(), stack, "us-east-1");
    TemplateTables.Table t = TemplateTables.table(template, "ReportsTable");
    TemplateTables.create(dynamo, t);
    this.table = t.name();
  }

  void resetCounts() {
    queries.set(0);
    evaluated.set(0);
    readUnits.reset();
  }

  @Override
  public void close() {
    dynamo.close();
    if (db != null) {
      db.close();
    }
  }
}

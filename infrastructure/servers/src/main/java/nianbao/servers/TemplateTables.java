package nianbao.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The DynamoDB tables that {@code template.yaml} declares, as CreateTable requests: names resolved as the stack
 * would resolve them, keys, attribute definitions, global and local secondary indexes with their projections.
 * Tests and the local stack create their tables from here, so the template stays the one source of the table's
 * shape.
 */
public final class TemplateTables {
  /** One table: its logical id in the template and the request that creates it. */
  public record Table(String logicalId, CreateTableRequest request) {
    public String name() {
      return request.tableName();
    }
  }

  private TemplateTables() {}

  public static List<Table> read(SamTemplate template) {
    List<Table> tables = new ArrayList<>();
    template.resources("AWS::DynamoDB::Table").forEach((id, resource) ->
        tables.add(new Table(id, createRequest(template, id, template.properties(id)))));
    return tables;
  }

  public static List<Table> read(Path templateFile, Map<String, String> parameters, String stackName) {
    return read(SamTemplate.read(templateFile, parameters, stackName, "us-east-1"));
  }

  /** The one table of the template with this logical id. */
  public static Table table(SamTemplate template, String logicalId) {
    return read(template).stream().filter(t -> t.logicalId().equals(logicalId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no AWS::DynamoDB::Table " + logicalId + " in template"));
  }

  @SuppressWarnings("unchecked")
  private static CreateTableRequest createRequest(SamTemplate template, String id, Map<String, Object> raw) {
    Map<String, Object> p = (Map<String, Object>) template.resolve(raw);
    String name = p.get("TableName") != null ? String.valueOf(p.get("TableName"))
        : template.parameters().get("AWS::StackName") + "-" + id;
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name);
    List<AttributeDefinition> definitions = new ArrayList<>();
    for (Map<String, Object> d : (List<Map<String, Object>>) p.getOrDefault("AttributeDefinitions", List.of())) {
      definitions.add(AttributeDefinition.builder().attributeName(str(d.get("AttributeName")))
          .attributeType(str(d.get("AttributeType"))).build());
    }
    b.attributeDefinitions(definitions);
    b.keySchema(keys(p.get("KeySchema")));
    boolean onDemand = "PAY_PER_REQUEST".equals(p.get("BillingMode"));
    if (onDemand) {
      b.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      b.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
    }
    List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    for (Map<String, Object> g : (List<Map<String, Object>>) p.getOrDefault("GlobalSecondaryIndexes", List.of())) {
      GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder().indexName(str(g.get("IndexName")))
          .keySchema(keys(g.get("KeySchema"))).projection(projection(g.get("Projection")));
      if (!onDemand) {
        gb.provisionedThroughput(throughput(g.get("ProvisionedThroughput")));
      }
      gsis.add(gb.build());
    }
    if (!gsis.isEmpty()) {
      b.globalSecondaryIndexes(gsis);
    }
    List<LocalSecondaryIndex> lsis = new ArrayList<>();
    for (Map<String, Object> l : (List<Map<String, Object>>) p.getOrDefault("LocalSecondaryIndexes", List.of())) {
      lsis.add(LocalSecondaryIndex.builder().indexName(str(l.get("IndexName"))).keySchema(keys(l.get("KeySchema")))
          .projection(projection(l.get("Projection"))).build());
    }
    if (!lsis.isEmpty()) {
      b.localSecondaryIndexes(lsis);
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static List<KeySchemaElement> keys(Object keySchema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    for (Map<String, Object> k : (List<Map<String, Object>>) keySchema) {
      keys.add(KeySchemaElement.builder().attributeName(str(k.get("AttributeName"))).keyType(str(k.get("KeyType")))
          .build());
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static Projection projection(Object raw) {
    Map<String, Object> p = raw == null ? Map.of("ProjectionType", "ALL") : (Map<String, Object>) raw;
    Projection.Builder b = Projection.builder().projectionType(str(p.getOrDefault("ProjectionType", "ALL")));
    if (p.get("NonKeyAttributes") != null) {
      b.nonKeyAttributes(((List<Object>) p.get("NonKeyAttributes")).stream().map(String::valueOf).toList());
    }
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static ProvisionedThroughput throughput(Object raw) {
    Map<String, Object> t = raw == null ? Map.of() : (Map<String, Object>) raw;
    return ProvisionedThroughput.builder()
        .readCapacityUnits(Long.parseLong(str(t.getOrDefault("ReadCapacityUnits", 5))))
        .writeCapacityUnits(Long.parseLong(str(t.getOrDefault("WriteCapacityUnits", 5)))).build();
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  /** Creates the table unless a table of that name exists, and waits until it is active. */
  public static void create(DynamoDbClient dynamo, Table table) {
    try {
      dynamo.createTable(table.request());
    } catch (ResourceInUseException e) {
      // already there: a restart of a stack on a folder, or a shared test server
    }
    waitActive(dynamo, table.name(), Duration.ofSeconds(60));
  }

  public static void createAll(DynamoDbClient dynamo, List<Table> tables) {
    tables.forEach(t -> create(dynamo, t));
  }

  static void waitActive(DynamoDbClient dynamo, String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        var table = dynamo.describeTable(r -> r.tableName(name)).table();
        boolean indexesActive = !table.hasGlobalSecondaryIndexes() || table.globalSecondaryIndexes().stream()
            .allMatch(g -> g.indexStatus() == null || "ACTIVE".equals(g.indexStatusAsString()));
        if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) {
          return;
        }
      } catch (ResourceNotFoundException e) {
        // not visible yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("table " + name + " did not become active");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}

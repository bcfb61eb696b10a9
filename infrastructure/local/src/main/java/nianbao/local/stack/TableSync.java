package nianbao.local.stack;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nianbao.servers.TemplateTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Brings a table kept from an earlier run in line with the template, as a stack update would: a missing table is
 * created; global secondary indexes the template added are created and those it dropped are deleted (one at a
 * time, as DynamoDB requires). A changed primary key would make CloudFormation replace the table; the local stack
 * refuses instead of deleting data, and says how to start afresh.
 */
final class TableSync {
  private TableSync() {}

  static void apply(DynamoDbClient dynamo, TemplateTables.Table table, Consumer<String> log) {
    TableDescription existing;
    try {
      existing = dynamo.describeTable(r -> r.tableName(table.name())).table();
    } catch (ResourceNotFoundException e) {
      TemplateTables.create(dynamo, table);
      return;
    }
    if (!existing.keySchema().equals(table.request().keySchema())) {
      throw new IllegalStateException("表 " + table.name() + " 的主键与 template.yaml 不同；CloudFormation 会替换该表。"
          + "删除数据目录（或用 --in-memory）后重新启动 (the table's key schema changed: start with a fresh --data folder)");
    }
    Map<String, GlobalSecondaryIndex> wanted = table.request().hasGlobalSecondaryIndexes()
        ? table.request().globalSecondaryIndexes().stream()
            .collect(Collectors.toMap(GlobalSecondaryIndex::indexName, g -> g)) : Map.of();
    List<String> present = existing.hasGlobalSecondaryIndexes()
        ? existing.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList()
        : List.of();
    for (String name : present) {
      if (!wanted.containsKey(name)) {
        log.accept("表 " + table.name() + "：删除模板中已没有的索引 " + name);
        dynamo.updateTable(r -> r.tableName(table.name())
            .globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName(name))));
        TemplateTables.create(dynamo, table);
      }
    }
    for (GlobalSecondaryIndex index : wanted.values()) {
      if (!present.contains(index.indexName())) {
        log.accept("表 " + table.name() + "：按模板新建索引 " + index.indexName());
        dynamo.updateTable(r -> r.tableName(table.name())
            .attributeDefinitions(table.request().attributeDefinitions())
            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                .keySchema(index.keySchema()).projection(index.projection())
                .provisionedThroughput(index.provisionedThroughput()))));
        // waits until the table and its indexes are active again
        TemplateTables.create(dynamo, table);
      }
    }
  }
}

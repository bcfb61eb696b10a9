package nianbao.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** The store's schemas and template.yaml's table agree on every key and index: the template is the source. */
class TemplateSchemaTest {
  static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template", "../../template.yaml"));

  @Test
  void everyIndexTheSchemasUseIsDeclaredWithTheSameKeys() {
    CreateTableRequest table = TemplateTables.table(SamTemplate.read(TEMPLATE, Map.of(), "nianbao", "us-east-1"),
        "ReportsTable").request();
    Map<String, String> declared = new TreeMap<>();
    table.globalSecondaryIndexes().forEach(g -> declared.put(g.indexName(),
        g.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst().orElseThrow().attributeName()
            + "/" + g.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst().orElseThrow()
            .attributeName()));
    Map<String, String> used = new TreeMap<>();
    collect(ReportHead.SCHEMA, used);
    collect(RuleFindings.SCHEMA, used);
    collect(nianbao.store.item.ListEntry.SCHEMA, used);
    assertEquals(declared, used);
    assertEquals("pk", table.keySchema().get(0).attributeName());
    assertEquals("sk", table.keySchema().get(1).attributeName());
    assertEquals("nianbao-reports", table.tableName());
    Set<String> definitions = new TreeSet<>();
    table.attributeDefinitions().forEach(d -> definitions.add(d.attributeName()));
    assertTrue(definitions.containsAll(Set.of("pk", "sk", "ord", "procKey")));
  }

  private static void collect(TableSchema<?> schema, Map<String, String> used) {
    var meta = schema.tableMetadata();
    for (var index : meta.indices()) {
      if (index.name().equals("$PRIMARY_INDEX")) {
        continue;
      }
      String pk = meta.indexPartitionKey(index.name());
      String sk = meta.indexSortKey(index.name()).orElseThrow();
      used.put(index.name(), pk + "/" + sk);
    }
  }
}

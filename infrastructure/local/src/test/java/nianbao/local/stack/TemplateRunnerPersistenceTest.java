package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nianbao.fixtures.SeedReports;
import nianbao.store.ReportStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The local stack keeps its data in a folder and follows the template: a restart finds every report, handles
 * the events a stop cut short, and a template with a renamed table and more indexes is what the next start builds.
 */
class TemplateRunnerPersistenceTest {
  @TempDir
  Path data;

  private StackOptions options(Path template) {
    return StackOptions.throwaway(TemplateRunnerWiringTest.ROOT, template).data(data).state(data);
  }

  @Test
  void aRestartedStackFindsEveryReportAndItsSource() throws Exception {
    Set<String> before;
    // GIVEN a stack on a folder with the seeds ingested
    try (TemplateRunner stack = TemplateRunner.start(options(TemplateRunnerWiringTest.ROOT.resolve("template.yaml")))) {
      assertTrue(Files.exists(data.resolve("stack.json")), "the running stack describes itself for the commands");
      IllegalStateException second = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> TemplateRunner.start(options(TemplateRunnerWiringTest.ROOT.resolve("template.yaml"))).close());
      assertTrue(second.getMessage().contains("另一个"), "one stack per data folder: " + second.getMessage());
      for (Path seed : SeedReports.files()) {
        stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + seed.getFileName()),
            RequestBody.fromFile(seed));
      }
      stack.awaitEvents(Duration.ofSeconds(60));
      before = reportIds(stack);
      assertEquals(5, before.size(), before.toString());
    }
    assertTrue(Files.notExists(data.resolve("stack.json")), "a stopped stack leaves no address behind");
    // WHEN it is started again on the same folder
    try (TemplateRunner stack = TemplateRunner.start(options(TemplateRunnerWiringTest.ROOT.resolve("template.yaml")))) {
      // THEN every report is listed, readable, and its source file is still in the bucket
      assertEquals(before, reportIds(stack));
      for (String id : before) {
        assertEquals(200, Http.get(stack.apiUrl() + "/reports/" + id).statusCode());
        HttpResponse<String> source = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(stack.apiUrl() + "/reports/" + id + "/source")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, source.statusCode());
        HttpResponse<String> file = Http.get(source.headers().firstValue("location").orElseThrow());
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains("政府信息公开"), "the original bytes");
      }
    }
  }

  @Test
  void eventsInFlightWhenTheStackStoppedAreHandledWhenItStartsAgain() throws Exception {
    // GIVEN a stack stopped just after many files were put into its bucket, before ingest could handle them all
    Set<String> keys = new TreeSet<>();
    try (TemplateRunner stack = TemplateRunner.start(options(TemplateRunnerWiringTest.ROOT.resolve("template.yaml")))) {
      for (int copy = 0; copy < 3; copy++) {
        for (Path seed : SeedReports.files()) {
          String key = "uploads/" + copy + "/" + seed.getFileName();
          stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key(key), RequestBody.fromFile(seed));
          keys.add(key);
        }
      }
    }
    long kept;
    try (Stream<Path> events = Files.list(data.resolve("events"))) {
      kept = events.count();
    }
    assertTrue(kept > 0, "some events were still in flight");
    // WHEN it starts again
    try (TemplateRunner stack = TemplateRunner.start(options(TemplateRunnerWiringTest.ROOT.resolve("template.yaml")))) {
      stack.awaitEvents(Duration.ofSeconds(120));
      // THEN every upload was ingested, and the journal is empty
      try (DynamoDbClient dynamo = stack.dynamoClient()) {
        ReportStore store = new ReportStore(dynamo, stack.table());
        for (String key : keys) {
          assertEquals(1, store.sources(stack.reportsBucket(), key).size(), key);
        }
      }
      assertEquals(5, reportIds(stack).size());
      try (Stream<Path> events = Files.list(data.resolve("events"))) {
        assertEquals(0, events.count());
      }
    }
  }

  @Test
  void aRenamedTableAndNewIndexesInTheTemplateAreWhatTheStackBuilds() throws Exception {
    String original = Files.readString(TemplateRunnerWiringTest.ROOT.resolve("template.yaml"));
    String renamed = original.replace("TableName: !Sub \"${AWS::StackName}-reports\"",
        "TableName: !Sub \"${AWS::StackName}-renamed\"");
    assertTrue(!renamed.equals(original), "the template names its table as this test expects");
    Path first = Files.writeString(data.resolve("renamed.yaml"), withIndex(renamed, "byTest", "testKey"));
    // GIVEN a stack started from a copy of the template with a renamed table and an extra index
    try (TemplateRunner stack = TemplateRunner.start(options(first))) {
      assertEquals("nianbao-renamed", stack.table());
      assertEquals(Set.of("byTest"), indexes(stack).stream().filter(i -> i.startsWith("byT")).collect(
          java.util.stream.Collectors.toSet()));
      // the functions follow it too: ingest writes, and the API reads, the renamed table
      Path seed = SeedReports.files().get(0);
      stack.s3Client().putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/one.txt"), RequestBody.fromFile(seed));
      stack.awaitEvents(Duration.ofSeconds(60));
      assertEquals(1, reportIds(stack).size());
    }
    // WHEN the template gains another index and the stack is started again on the same data
    Path second = Files.writeString(data.resolve("renamed2.yaml"),
        withIndex(withIndex(renamed, "byTest", "testKey"), "byOther", "otherKey"));
    try (TemplateRunner stack = TemplateRunner.start(options(second))) {
      // THEN the existing table gets the index, as a stack update would add it, and keeps its data
      assertTrue(indexes(stack).containsAll(List.of("byTest", "byOther")), indexes(stack).toString());
      assertEquals(1, reportIds(stack).size());
    }
  }

  /** The template with one more global secondary index on a new string attribute. */
  private static String withIndex(String template, String index, String attribute) {
    String withAttribute = template.replace("        - {AttributeName: procKey, AttributeType: S}\n",
        "        - {AttributeName: procKey, AttributeType: S}\n        - {AttributeName: " + attribute
            + ", AttributeType: S}\n");
    String marker = "      GlobalSecondaryIndexes:\n";
    assertTrue(withAttribute.contains(marker) && !withAttribute.equals(template), "template layout changed");
    return withAttribute.replace(marker, marker + "        - IndexName: " + index + "\n"
        + "          KeySchema: [{AttributeName: " + attribute + ", KeyType: HASH}]\n"
        + "          Projection: {ProjectionType: KEYS_ONLY}\n");
  }

  private static List<String> indexes(TemplateRunner stack) {
    try (DynamoDbClient dynamo = stack.dynamoClient()) {
      TableDescription table = dynamo.describeTable(r -> r.tableName(stack.table())).table();
      return table.globalSecondaryIndexes().stream().map(g -> g.indexName()).toList();
    }
  }

  private static Set<String> reportIds(TemplateRunner stack) {
    JsonNode list = Http.json(Http.get(stack.apiUrl() + "/reports?limit=200"));
    Set<String> ids = new TreeSet<>();
    list.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}

package nianbao.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

class ServersTest {
  static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template", "../../template.yaml"));
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));

  @Test
  void intrinsicTagsResolveAsAStackWouldResolveThem() {
    SamTemplate t = SamTemplate.parse(new StringReader("""
        Parameters:
          Stage: {Type: String, Default: dev}
        Resources:
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "${AWS::StackName}-${Stage}-t"
          Q:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Join ["-", [!Ref T, q]]
        """), Map.of(), "s", "us-east-1");
    assertEquals("s-dev-t", t.physicalName("T"));
    assertEquals("s-dev-t-q", t.physicalName("Q"));
    assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/s-dev-t",
        t.resolve(new SamTemplate.Intrinsic("GetAtt", "T.Arn")));
  }

  @Test
  void theTemplatesTableIsCreatedOnDynamoDbLocalAsDeclared() {
    try (LocalDynamoDb db = LocalDynamoDb.inMemory()) {
      DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
      List<TemplateTables.Table> tables = TemplateTables.read(TEMPLATE, Map.of(), "stack");
      TemplateTables.createAll(dynamo, tables);
      TemplateTables.createAll(dynamo, tables); // idempotent, as a restarted stack needs
      var described = dynamo.describeTable(r -> r.tableName("stack-reports")).table();
      assertEquals(tables.get(0).request().globalSecondaryIndexes().size(), described.globalSecondaryIndexes().size());
    }
  }

  @Test
  void s3proxyEmitsS3NotificationsAfterWritesAndDeletes() throws Exception {
    try (LocalS3 s3proxy = LocalS3.inMemory("us-east-1")) {
      S3Client s3 = s3Client(s3proxy);
      List<String> events = new ArrayList<>();
      s3proxy.notify("bkt", events::add);
      s3.putObject(r -> r.bucket("bkt").key("dir/报告 2022 v1+final.txt"), RequestBody.fromString("hello"));
      s3.deleteObject(r -> r.bucket("bkt").key("dir/报告 2022 v1+final.txt"));
      assertEquals(2, events.size());
      JsonNode created = new ObjectMapper().readTree(events.get(0)).path("Records").get(0);
      assertEquals("ObjectCreated:Put", created.path("eventName").asText());
      assertEquals("aws:s3", created.path("eventSource").asText());
      JsonNode object = created.path("s3").path("object");
      assertEquals("dir/%E6%8A%A5%E5%91%8A+2022+v1%2Bfinal.txt", object.path("key").asText());
      assertEquals(5, object.path("size").asInt());
      assertTrue(object.path("eTag").asText().matches("[0-9a-f]{32}"));
      JsonNode removed = new ObjectMapper().readTree(events.get(1)).path("Records").get(0);
      assertTrue(removed.path("eventName").asText().startsWith("ObjectRemoved:"));
      assertTrue(S3EventsOrder.greater(removed.path("s3").path("object").path("sequencer").asText(),
          object.path("sequencer").asText()));
    }
  }

  @Test
  void aMultipartUploadIsOneEventOfItsOwnKeyAndS3proxysStubIsNone(@TempDir Path folder) throws Exception {
    // s3proxy keeps a stub object (.s3proxy-mpu-stub-…) while a multipart upload is open; S3 has no such object,
    // and its event reached ingest locally as a poison message that redrive could not clear
    try (LocalS3 s3proxy = LocalS3.onFolder(folder, "us-east-1")) { // as ./nianbao serve keeps its objects
      S3Client s3 = s3Client(s3proxy);
      List<String> events = new ArrayList<>();
      s3proxy.notify("bkt", events::add);
      String uploadId = s3.createMultipartUpload(r -> r.bucket("bkt").key("uploads/大报告.pdf")).uploadId();
      try (var files = java.nio.file.Files.walk(folder)) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(".s3proxy-mpu-stub-")),
            "s3proxy wrote its stub while the upload is open");
      }
      String eTag = s3.uploadPart(r -> r.bucket("bkt").key("uploads/大报告.pdf").uploadId(uploadId).partNumber(1),
          RequestBody.fromString("%PDF-1.4 part one")).eTag();
      s3.completeMultipartUpload(r -> r.bucket("bkt").key("uploads/大报告.pdf").uploadId(uploadId)
          .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag))));
      // and one abandoned: its stub goes when it is aborted
      String aborted = s3.createMultipartUpload(r -> r.bucket("bkt").key("uploads/半途.pdf")).uploadId();
      s3.abortMultipartUpload(r -> r.bucket("bkt").key("uploads/半途.pdf").uploadId(aborted));

      List<String> keys = new ArrayList<>();
      for (String event : events) {
        JsonNode record = new ObjectMapper().readTree(event).path("Records").get(0);
        keys.add(record.path("eventName").asText() + " " + java.net.URLDecoder.decode(
            record.path("s3").path("object").path("key").asText(), java.nio.charset.StandardCharsets.UTF_8));
      }
      assertEquals(List.of("ObjectCreated:CompleteMultipartUpload uploads/大报告.pdf"), keys);
    }
  }

  /** A client of {@code s3proxy}, with its bucket bkt created. */
  private static S3Client s3Client(LocalS3 s3proxy) {
    S3Client s3 = S3Client.builder().endpointOverride(s3proxy.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
    s3.createBucket(r -> r.bucket("bkt"));
    return s3;
  }

  /** Sequencers of one key grow. */
  static final class S3EventsOrder {
    static boolean greater(String a, String b) {
      int w = Math.max(a.length(), b.length());
      return "0".repeat(w - a.length()).concat(a).compareTo("0".repeat(w - b.length()).concat(b)) > 0;
    }
  }
}

package nianbao.ocr.function;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nianbao.ocr.RecognisedPage;
import nianbao.store.Bodies;
import nianbao.store.ObjectRef;
import nianbao.store.write.UploadedObject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The pages of a scan recognised so far, kept in the reports table while the scan is read, so that a hand-off or a
 * retry goes on from the first missing page: one item per page, {@code OCR#<bucket>/<key>#<version>#<eTag>} /
 * {@code P#00001}, the page's JSON ({@link RecognisedPage#toJson}) gzip'd (a page of a few thousand words is some
 * 100 KB of JSON, ~15 KB gzip'd: far below DynamoDB's 400 KB). The eTag is in the key so that new bytes put at the
 * same key of an unversioned bucket never resume from another content's pages. Deleted once the scan is stored or
 * rejected; a scan whose request ends in the dead-letter queue and is never redriven leaves its pages behind, so
 * each page carries an expiry ({@link #EXPIRES}, the table's TTL attribute in template.yaml): DynamoDB deletes it
 * {@link #KEPT} after it was saved, a day longer than the queue keeps the request (14 days), so a redrive in time
 * always finds its pages.
 */
public final class SavedPages implements OcrJob.PageStore {
  /** The reports table's TTL attribute (template.yaml's TimeToLiveSpecification): epoch seconds. */
  public static final String EXPIRES = "expiresEpoch";
  /** How long a saved page is kept: the dead-letter queue's retention (14 days) and a day. */
  public static final Duration KEPT = Duration.ofDays(15);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public SavedPages(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  public SavedPages(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  static String partition(UploadedObject upload) {
    return "OCR#" + ObjectRef.text(upload.bucket(), upload.key(), upload.objectVersionId()) + "#" + upload.eTag();
  }

  @Override
  public Map<Integer, RecognisedPage> load(UploadedObject upload) {
    Map<Integer, RecognisedPage> pages = new TreeMap<>();
    for (Map<String, AttributeValue> item : items(upload)) {
      RecognisedPage page = RecognisedPage.fromJson(Bodies.gunzip(item.get("page").b().asByteArray()));
      pages.put(page.page(), page);
    }
    return pages;
  }

  @Override
  public void save(UploadedObject upload, RecognisedPage page) {
    dynamo.putItem(r -> r.tableName(table).item(Map.of(
        "pk", AttributeValue.fromS(partition(upload)),
        "sk", AttributeValue.fromS(String.format(Locale.ROOT, "P#%05d", page.page())),
        "page", AttributeValue.fromB(SdkBytes.fromByteArray(Bodies.gzip(page.toJson()))),
        EXPIRES, AttributeValue.fromN(Long.toString(clock.instant().plus(KEPT).getEpochSecond())))));
  }

  @Override
  public void delete(UploadedObject upload) {
    for (Map<String, AttributeValue> item : items(upload)) {
      dynamo.deleteItem(r -> r.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
    }
  }

  private List<Map<String, AttributeValue>> items(UploadedObject upload) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition(upload)),
              ":p", AttributeValue.fromS("P#")));
      if (start != null) {
        q.exclusiveStartKey(start);
      }
      QueryResponse response = dynamo.query(q.build());
      out.addAll(response.items());
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }
}

package nianbao.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One record of an S3 event notification, read from the JSON S3 delivers: the key URL-decoded exactly as
 * aws-lambda-java-events decodes it ({@code +} is a space, {@code %XX} UTF-8 bytes), size, eTag, versionId
 * (null on an unversioned bucket) and sequencer.
 */
public record S3Notification(String eventName, Instant eventTime, String bucket, String key, Long size, String eTag,
    String versionId, String sequencer) {

  public boolean created() {
    return eventName != null && eventName.startsWith("ObjectCreated");
  }

  public boolean removed() {
    return eventName != null && eventName.startsWith("ObjectRemoved");
  }

  public boolean deleteMarker() {
    return "ObjectRemoved:DeleteMarkerCreated".equals(eventName);
  }

  /** The records of an event; anything but {@code aws:s3} records (an s3:TestEvent, say) gives none. */
  public static List<S3Notification> parse(JsonNode event) {
    List<S3Notification> records = new ArrayList<>();
    for (JsonNode r : event.path("Records")) {
      if (!"aws:s3".equals(r.path("eventSource").asText())) {
        continue;
      }
      JsonNode s3 = r.path("s3");
      JsonNode object = s3.path("object");
      String rawKey = object.path("key").asText();
      String eTag = text(object, "eTag");
      String versionId = text(object, "versionId");
      String sequencer = text(object, "sequencer");
      Long size = object.hasNonNull("size") ? object.path("size").asLong() : null;
      String key = new S3EventNotification.S3ObjectEntity(rawKey, size, eTag, versionId, sequencer)
          .getUrlDecodedKey();
      String time = text(r, "eventTime");
      records.add(new S3Notification(text(r, "eventName"), time == null ? Instant.EPOCH : Instant.parse(time),
          s3.path("bucket").path("name").asText(), key, size, eTag, versionId, sequencer));
    }
    return records;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}

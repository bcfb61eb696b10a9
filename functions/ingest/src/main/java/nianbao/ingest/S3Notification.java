package nianbao.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.json.JsonTree;

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

  /**
   * The records of an event read as a {@link JsonTree}; anything but {@code aws:s3} records (an s3:TestEvent,
   * say) gives none.
   */
  public static List<S3Notification> parse(Object event) {
    List<S3Notification> records = new ArrayList<>();
    if (!(JsonTree.member(event, "Records") instanceof List<?> list)) {
      return records;
    }
    for (Object r : list) {
      if (!"aws:s3".equals(JsonTree.text(r, "eventSource"))) {
        continue;
      }
      Object s3 = JsonTree.member(r, "s3");
      Object object = JsonTree.member(s3, "object");
      String rawKey = JsonTree.text(object, "key");
      String eTag = text(object, "eTag");
      String versionId = text(object, "versionId");
      String sequencer = text(object, "sequencer");
      Long size = JsonTree.member(object, "size") instanceof Number n ? n.longValue() : null;
      String key = new S3EventNotification.S3ObjectEntity(rawKey == null ? "" : rawKey, size, eTag, versionId,
          sequencer).getUrlDecodedKey();
      String time = text(r, "eventTime");
      String bucket = JsonTree.text(JsonTree.member(s3, "bucket"), "name");
      records.add(new S3Notification(text(r, "eventName"), time == null ? Instant.EPOCH : Instant.parse(time),
          bucket == null ? "" : bucket, key, size, eTag, versionId, sequencer));
    }
    return records;
  }

  /** A member's text, null when missing, null or empty. */
  private static String text(Object node, String field) {
    String v = JsonTree.text(node, field);
    return v == null || v.isEmpty() ? null : v;
  }
}

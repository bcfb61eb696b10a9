package nianbao.servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds S3 event notification JSON in the exact shape S3 delivers to Lambda (event version 2.1): keys
 * URL-encoded as S3 encodes them ({@code +} for a space, {@code %XX} for UTF-8 bytes, {@code /} kept), eTag
 * without quotes, a {@code sequencer} that grows per key.
 */
public final class S3Events {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

  private S3Events() {}

  /** One object-level event; {@code versionId} and {@code eTag} may be null (delete events carry no eTag). */
  public record ObjectEvent(String eventName, String region, String bucket, String key, Long size, String eTag,
      String versionId, String sequencer, Instant time) {}

  /** The next sequencer value: 18 upper-case hex digits, strictly increasing within this JVM. */
  public static String nextSequencer() {
    return String.format("%018X", SEQUENCE.incrementAndGet());
  }

  /** Encodes a key the way S3 writes it into notifications. */
  public static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/").replace("*", "%2A")
        .replace("%7E", "~");
  }

  public static String json(ObjectEvent... events) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (ObjectEvent e : events) {
      ObjectNode r = records.addObject();
      r.put("eventVersion", "2.1");
      r.put("eventSource", "aws:s3");
      r.put("awsRegion", e.region());
      r.put("eventTime", DateTimeFormatter.ISO_INSTANT.format(e.time().truncatedTo(ChronoUnit.MILLIS)));
      r.put("eventName", e.eventName());
      r.putObject("userIdentity").put("principalId", "AWS:LOCAL");
      r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
      ObjectNode response = r.putObject("responseElements");
      response.put("x-amz-request-id", HexFormat.of().withUpperCase().formatHex(randomBytes(8)));
      response.put("x-amz-id-2", UUID.randomUUID().toString());
      ObjectNode s3 = r.putObject("s3");
      s3.put("s3SchemaVersion", "1.0");
      s3.put("configurationId", "nianbao-local");
      ObjectNode bucket = s3.putObject("bucket");
      bucket.put("name", e.bucket());
      bucket.putObject("ownerIdentity").put("principalId", "LOCAL");
      bucket.put("arn", "arn:aws:s3:::" + e.bucket());
      ObjectNode object = s3.putObject("object");
      object.put("key", encodeKey(e.key()));
      if (e.size() != null) {
        object.put("size", e.size());
      }
      if (e.eTag() != null) {
        object.put("eTag", unquote(e.eTag()));
      }
      if (e.versionId() != null) {
        object.put("versionId", e.versionId());
      }
      object.put("sequencer", e.sequencer());
    }
    return root.toString();
  }

  static String unquote(String eTag) {
    return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1) : eTag;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}

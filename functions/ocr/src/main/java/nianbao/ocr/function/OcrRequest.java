package nianbao.ocr.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.json.JsonTree;
import nianbao.store.write.UploadedObject;

/**
 * What the OCR function is asked to read: one uploaded object version ({@link UploadedObject}, as ingest saw it)
 * and how many hand-offs it has had. Its JSON is an S3 event notification of that object with one member more,
 * {@code ocrHandoff}: so a request that lands in the dead-letter queue is redriven through ingest like any upload
 * (ingest hands the scan back here, and it resumes from its saved pages), and ingest's event parser reads it.
 */
public record OcrRequest(UploadedObject upload, int handoff) {
  static final String HANDOFF = "ocrHandoff";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The next invocation's request, after a hand-off. */
  public OcrRequest next() {
    return new OcrRequest(upload, handoff + 1);
  }

  /** The key as S3 puts it in an event: URL-encoded, a space as {@code +}. */
  public String toJson() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("key", URLEncoder.encode(upload.key(), StandardCharsets.UTF_8));
    object.put("size", upload.size());
    object.put("eTag", upload.eTag());
    object.put("versionId", upload.objectVersionId());
    object.put("sequencer", upload.sequencer());
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("eventTime", upload.eventTime() == null ? null : upload.eventTime().toString());
    record.put("eventName", "ObjectCreated:Put");
    record.put("s3", Map.of("bucket", Map.of("name", upload.bucket()), "object", object));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("Records", List.of(record));
    event.put(HANDOFF, handoff);
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a request ({@link #toJson}), or the on-failure record wrapping one ({@code requestPayload}).
   *
   * @throws IllegalArgumentException when {@code json} holds no object-created record of S3
   */
  public static OcrRequest parse(String json) {
    Object event = JsonTree.read(json);
    Object payload = JsonTree.member(event, "requestPayload");
    if (payload != null) {
      event = payload;
    }
    if (!(JsonTree.member(event, "Records") instanceof List<?> records) || records.size() != 1) {
      throw new IllegalArgumentException("the OCR function reads one uploaded object, as ingest hands it over "
          + "({\"Records\":[one S3 record]}); this request has none or several");
    }
    Object r = records.get(0);
    String eventName = JsonTree.text(r, "eventName");
    if (eventName == null || !eventName.startsWith("ObjectCreated")) {
      throw new IllegalArgumentException("the OCR function reads created objects, not " + eventName);
    }
    Object s3 = JsonTree.member(r, "s3");
    Object object = JsonTree.member(s3, "object");
    String time = JsonTree.text(r, "eventTime");
    Long size = JsonTree.member(object, "size") instanceof Number n ? n.longValue() : null;
    int handoff = JsonTree.member(event, HANDOFF) instanceof Number n ? n.intValue() : 0;
    UploadedObject upload = new UploadedObject(JsonTree.text(JsonTree.member(s3, "bucket"), "name"),
        URLDecoder.decode(JsonTree.text(object, "key"), StandardCharsets.UTF_8), JsonTree.text(object, "versionId"),
        JsonTree.text(object, "eTag"), size, JsonTree.text(object, "sequencer"),
        time == null ? Instant.EPOCH : Instant.parse(time));
    return new OcrRequest(upload, handoff);
  }
}

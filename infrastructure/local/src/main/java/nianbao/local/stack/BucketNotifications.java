package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.servers.NotificationSink;

/**
 * A bucket's notification configuration: each event S3 emits goes, unchanged, to every function whose
 * {@code Type: S3} event asks for its event name and key, as an asynchronous invocation (S3 does not wait for
 * the function).
 */
final class BucketNotifications implements NotificationSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Target(FunctionSpec.S3Subscription subscription, LocalFunction function) {}

  private final List<Target> targets;
  private final AsyncInvocations async;

  BucketNotifications(List<Target> targets, AsyncInvocations async) {
    this.targets = targets;
    this.async = async;
  }

  @Override
  public void deliver(String eventJson) {
    JsonNode event;
    try {
      event = JSON.readTree(eventJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Target target : targets) {
      ObjectNode selected = JSON.createObjectNode();
      var records = selected.putArray("Records");
      for (JsonNode record : event.path("Records")) {
        // filters apply to the key itself; the notification carries it URL-encoded
        String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
        if (target.subscription().matches(record.path("eventName").asText(), key)) {
          records.add(record);
        }
      }
      if (!records.isEmpty()) {
        async.invoke(target.function(), selected.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}

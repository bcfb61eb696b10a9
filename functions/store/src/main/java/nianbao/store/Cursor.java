package nianbao.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursors: the index name and DynamoDB's LastEvaluatedKey (all key attributes of this table are
 * strings), base64url JSON. A cursor for one index is refused by another.
 */
public final class Cursor {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cursor() {}

  public static String encode(String index, Map<String, AttributeValue> lastKey) {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("i", index);
    ObjectNode k = node.putObject("k");
    lastKey.forEach((name, value) -> k.put(name, value.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException for a malformed cursor or one of another index */
  public static Map<String, AttributeValue> decode(String index, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (node == null || !index.equals(node.path("i").asText()) || !node.path("k").isObject()) {
        throw new IllegalArgumentException("cursor does not belong to this list");
      }
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      node.path("k").fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException("malformed cursor");
        }
        key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText()));
      });
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed cursor", e);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("malformed cursor", e);
    }
  }
}

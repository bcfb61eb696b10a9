package nianbao.store.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A list's cursor: which items it reads ({@code L|<sort>} or {@code F|<rule>}) and the position it resumes after —
 * one position for all of the merged ranges, so a cursor is small and independent of the index. Base64url JSON.
 */
record ListCursor(String family, String position) {
  private static final ObjectMapper JSON = new ObjectMapper();

  String encode() {
    var node = JSON.createObjectNode().put("f", family).put("p", position);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException for a malformed cursor or one of another list */
  static ListCursor decode(String cursor, String family) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException("malformed cursor", e);
    }
    if (node == null || !node.path("p").isTextual() || node.path("p").asText().isEmpty()) {
      throw new IllegalArgumentException("malformed cursor");
    }
    if (!family.equals(node.path("f").asText())) {
      throw new IllegalArgumentException("cursor does not belong to this list");
    }
    return new ListCursor(family, node.path("p").asText());
  }
}

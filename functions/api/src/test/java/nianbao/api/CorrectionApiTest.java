package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Corrections through the API, on DynamoDB Local: the served report holds the corrected value and the rules found
 * again on it, {@code corrections[]} keeps what was read, the summaries use the corrected value, and withdrawing
 * puts it all back.
 */
class CorrectionApiTest {
  static ApiStack stack;
  static String id;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @BeforeAll
  static void start() {
    stack = new ApiStack();
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    id = stack.get("/reports").json().path("items").get(0).path("id").asText();
  }

  static ApiStack.Call correct(String body) {
    return stack.call("POST", "/reports/" + id + "/corrections", JSON, body);
  }

  @Test
  void aCorrectedCellIsServedCheckedAgainAndSummedAndAWithdrawalPutsItBack() {
    JsonNode before = stack.get("/reports/" + id).json();
    assertEquals(13, before.path("report").path("applications").path("rows").path("newReceived").get(0).asInt());
    assertEquals("VALID", before.path("status").asText());
    int summed = stack.get("/summary").json().path("applications").path("rows").path("newReceived")
        .get(0).asInt();

    ApiStack.Call c = correct("{\"location\":{\"section\":\"三\",\"row\":\"newReceived\",\"column\":\"naturalPerson\"},"
        + "\"value\":14,\"reason\":\"原文第 3 页为 14\"}");

    assertEquals(201, c.status(), c.body());
    JsonNode made = c.json().path("correction");
    assertEquals(14, made.path("value").asInt());
    assertEquals(13, made.path("asRead").asInt());
    assertEquals("applied", made.path("state").asText());
    assertEquals("HAS_ERRORS", c.json().path("status").asText(), "B1 and B2 on the corrected value");
    JsonNode after = stack.get("/reports/" + id).json();
    assertEquals(14, after.path("report").path("applications").path("rows").path("newReceived").get(0).asInt());
    assertEquals(1, after.path("corrections").size());
    assertEquals("原文第 3 页为 14", after.path("corrections").get(0).path("reason").asText());
    boolean b1 = false;
    for (JsonNode f : after.path("report").path("findings")) {
      b1 |= f.path("rule").asText().equals("B1");
    }
    assertTrue(b1, "the rules ran again on the corrected report");
    assertEquals(summed + 1, stack.get("/summary").json().path("applications").path("rows").path("newReceived")
        .get(0).asInt());
    // rebuilding the summaries from the stored reports keeps the corrected value
    new nianbao.store.SummaryRebuild(stack.store).run();
    assertEquals(summed + 1, stack.get("/summary").json().path("applications").path("rows").path("newReceived")
        .get(0).asInt());

    ApiStack.Call w = stack.call("DELETE", "/reports/" + id + "/corrections/" + made.path("id").asText(), Map.of(),
        null);
    assertEquals(200, w.status(), w.body());
    assertEquals("VALID", w.json().path("status").asText());
    assertEquals(0, stack.get("/reports/" + id).json().path("corrections").size());
    assertEquals(summed, stack.get("/summary").json().path("applications").path("rows").path("newReceived")
        .get(0).asInt());
  }

  @Test
  void theFeeIsADecimalStringAndABlankIsNull() {
    ApiStack.Call fee = correct("{\"location\":{\"section\":\"二\",\"row\":\"fees\"},\"value\":\"0.50\","
        + "\"reason\":\"原文\"}");
    assertEquals(201, fee.status(), fee.body());
    assertEquals("0.50", stack.get("/reports/" + id).json().path("report").path("proactive").path("fees").asText());
    ApiStack.Call blank = correct("{\"location\":{\"section\":\"四\",\"row\":\"adminReview\",\"column\":\"upheld\"},"
        + "\"value\":null,\"reason\":\"原文此格空白\"}");
    assertEquals(201, blank.status(), blank.body());
    assertTrue(stack.get("/reports/" + id).json().path("report").path("reviewAndLitigation").path("adminReview")
        .path("upheld").isNull());
    for (JsonNode c : stack.get("/reports/" + id).json().path("corrections")) {
      stack.call("DELETE", "/reports/" + id + "/corrections/" + c.path("id").asText(), Map.of(), null);
    }
  }

  @Test
  void badCorrectionsAreProblems() {
    assertEquals(400, correct("{\"location\":{\"section\":\"三\",\"row\":\"nope\",\"column\":\"total\"},"
        + "\"value\":1,\"reason\":\"x\"}").status());
    assertEquals(400, correct("{\"location\":{\"section\":\"二\",\"row\":\"fees\"},\"value\":1.5,\"reason\":\"x\"}")
        .status(), "a fee is a decimal string, never a float");
    assertEquals(400, correct("{\"location\":{\"section\":\"三\",\"row\":\"granted\",\"column\":\"total\"},"
        + "\"value\":-1,\"reason\":\"x\"}").status());
    assertEquals(400, correct("{\"location\":{\"section\":\"三\",\"row\":\"granted\",\"column\":\"total\"},"
        + "\"reason\":\"x\"}").status(), "value is required (null for a blank)");
    assertEquals(409, correct("{\"location\":{\"section\":\"三\",\"row\":\"newReceived\",\"column\":\"naturalPerson\"},"
        + "\"value\":13,\"reason\":\"x\"}").status(), "already reads 13");
    assertEquals(404, stack.call("DELETE", "/reports/" + id + "/corrections/0123456789ab", Map.of(), null).status());
  }
}

package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Summaries and exports use the corrected values and say which they are: the summary counts the reports with
 * corrections and the cells corrected; reports.csv has the corrected figure and, in its 已更正单元格 column, which
 * cell it is and what the document printed; rankings and the rankings CSV flag the corrected report; a withdrawal takes both back.
 */
class CorrectionsSaidTest {
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** The reports.csv rows (BOM and header dropped) as cells, and the header. */
  static List<List<String>> csv(ApiStack stack) {
    String body = stack.get("/export/reports.csv").body().replace("\uFEFF", "");
    return body.lines().map(l -> List.of(l.split(",", -1))).toList();
  }

  /** The rankings.csv of {@code year} (errors, all of China) as cells, header first. */
  static List<List<String>> rankingsCsv(ApiStack stack, int year) {
    String body = stack.get("/export/rankings.csv?year=" + year).body().replace("\uFEFF", "");
    return body.lines().map(l -> List.of(l.split(",", -1))).toList();
  }

  @Test
  void theSummaryCountsCorrectionsAndTheCsvMarksTheCorrectedCellWithWhatWasRead() {
    ApiStack stack = new ApiStack();
    stack.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/b.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    String id = stack.get("/reports?agency=" + ApiStack.enc("新乡县")).json().path("items").get(0).path("id").asText();
    JsonNode none = stack.get("/summary").json().path("corrections");
    assertEquals(0, none.path("reports").asInt());
    assertEquals(0, none.path("cells").asInt());

    ApiStack.Call c = stack.call("POST", "/reports/" + id + "/corrections", JSON, "{\"location\":{\"section\":\"三\","
        + "\"row\":\"newReceived\",\"column\":\"naturalPerson\"},\"value\":14,\"reason\":\"原文第 3 页为 14\"}");
    assertEquals(201, c.status(), c.body());
    stack.call("POST", "/reports/" + id + "/corrections", JSON, "{\"location\":{\"section\":\"三\","
        + "\"row\":\"newReceived\",\"column\":\"total\"},\"value\":14,\"reason\":\"原文总计为 14\"}");

    JsonNode said = stack.get("/summary").json().path("corrections");
    assertEquals(1, said.path("reports").asInt(), said.toString());
    assertEquals(2, said.path("cells").asInt(), said.toString());
    int year = stack.get("/reports/" + id).json().path("report").path("year").asInt();
    assertEquals(2, stack.get("/summary?year=" + year).json().path("corrections").path("cells").asInt());

    List<List<String>> rows = csv(stack);
    List<String> header = rows.get(0);
    int marked = header.indexOf("已更正单元格（更正值，原读值）");
    int received = header.indexOf(nianbao.core.vocabulary.Vocabulary.rowName("newReceived"));
    assertTrue(marked >= 0 && received >= 0, header.toString());
    List<String> corrected = rows.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
    String row = "三·" + nianbao.core.vocabulary.Vocabulary.rowName("newReceived");
    assertEquals(row + "·自然人：14（原读 13）；" + row + "·总计：14（原读 13）", corrected.get(marked));
    assertEquals("14", corrected.get(received), "the corrected figures are the row's");
    rows.stream().skip(1).filter(r -> !r.get(0).equals(id))
        .forEach(r -> assertEquals("", r.get(marked), "no correction said where there is none: " + r));

    // the rankings flag the report whose figures are corrected ones, and only it
    JsonNode ranking = stack.get("/rankings?year=" + year + "&province=" + ApiStack.enc("河南省")).json();
    assertTrue(ranking.path("items").size() >= 1, ranking.toString());
    for (JsonNode item : ranking.path("items")) {
      assertEquals(item.path("id").asText().equals(id), item.path("corrected").asBoolean(), item.toString());
    }
    // and so does the rankings CSV, saying which cells and what was read
    List<List<String>> ranked = rankingsCsv(stack, year);
    int rankedMark = ranked.get(0).indexOf("已更正单元格（更正值，原读值）");
    int rankedId = ranked.get(0).indexOf("报告编号");
    assertTrue(rankedMark >= 0 && rankedId >= 0, ranked.get(0).toString());
    assertTrue(ranked.size() >= 2, ranked.toString());
    for (List<String> r : ranked.subList(1, ranked.size())) {
      assertEquals(r.get(rankedId).equals(id) ? row + "·自然人：14（原读 13）；" + row + "·总计：14（原读 13）" : "",
          r.get(rankedMark), r.toString());
    }

    String correctionId = c.json().path("correction").path("id").asText();
    assertEquals(200, stack.call("DELETE", "/reports/" + id + "/corrections/" + correctionId, Map.of(), null).status());
    assertEquals(1, stack.get("/summary").json().path("corrections").path("cells").asInt());
    assertEquals(row + "·总计：14（原读 13）", csv(stack).stream().filter(r -> r.get(0).equals(id))
        .findFirst().orElseThrow().get(marked));
    assertEquals(row + "·总计：14（原读 13）", rankingsCsv(stack, year).stream()
        .filter(r -> r.get(rankedId).equals(id)).findFirst().orElseThrow().get(rankedMark));
  }
}

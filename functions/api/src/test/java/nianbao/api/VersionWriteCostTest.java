package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB requests of the version and deletion writes — choosing the current version, removing one, deleting a
 * report and restoring it — on a report with both neighbours stored (Y−1 and Y+1, which a version change checks),
 * at 10 and at 60 stored reports: the same, since each reads its report's items and its neighbours by key only.
 * The figures are printed for functions/store/README.md.
 */
class VersionWriteCostTest {

  @Test
  void versionAndDeletionWritesCostTheSameWhateverTheNumberOfReports() throws Exception {
    ApiStack stack = new ApiStack();
    String seed = ApiStack.seedText(ApiStack.XINXIANG_2022);
    stack.upload("uploads/2021.txt", seed.replaceFirst("2022年政府信息公开", "2021年政府信息公开")
        .getBytes(StandardCharsets.UTF_8));
    stack.upload("uploads/2023.txt", seed.replaceFirst("2022年政府信息公开", "2023年政府信息公开")
        .getBytes(StandardCharsets.UTF_8));
    stack.upload("uploads/2022.txt", seed.getBytes(StandardCharsets.UTF_8));
    String id = stack.get("/reports?year=2022").json().path("items").get(0).path("id").asText();
    String v1 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    stack.upload("uploads/2022b.txt", (seed + "\n（第二版）\n").getBytes(StandardCharsets.UTF_8));
    String v2 = stack.get("/reports/" + id).json().path("upload").path("sha256").asText();
    ReportWriter writer = new ReportWriter(stack.store);
    LoadBench.fill(stack, 7);

    Map<String, Map<String, Long>> atTen = measure(stack, writer, id, v1, v2);
    LoadBench.fill(stack, 50);
    Map<String, Map<String, Long>> atSixty = measure(stack, writer, id, v1, v2);

    System.out.println("DynamoDB requests of version and deletion writes at 10 reports: " + atTen);
    System.out.println("DynamoDB requests of version and deletion writes at 60 reports: " + atSixty);
    assertEquals(atTen, atSixty);
  }

  /** Each write alone, through the store's one write entry; the state is as before at the end. */
  static Map<String, Map<String, Long>> measure(ApiStack stack, ReportWriter writer, String id, String v1,
      String v2) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    out.put("1 choose current", ReviewCostBench.counted(stack, () -> expect(WriteResult.CURRENT_CHOSEN,
        writer.apply(new Change.ChooseVersion(id, v1, "local", null)))));
    out.put("2 remove a version not current", ReviewCostBench.counted(stack, () -> expect(WriteResult.VERSION_REMOVED,
        writer.apply(new Change.RemoveVersion(id, v2, "local", "2099-01-01T00:00:00.000Z", null)))));
    out.put("3 delete", ReviewCostBench.counted(stack, () -> expect(WriteResult.DELETED,
        writer.apply(new Change.Delete(id, "local", "2099-01-01T00:00:00.000Z", null)))));
    out.put("4 restore", ReviewCostBench.counted(stack, () -> expect(WriteResult.RESTORED,
        writer.apply(new Change.Restore(id, "local")))));
    out.put("5 history page", ReviewCostBench.counted(stack, () -> stack.store.history(id, 50, null)));
    // back as it was: the second version uploaded again is current (its own upload order is the later one)
    stack.upload("uploads/2022b-" + System.nanoTime() + ".txt",
        (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n（第二版）\n").getBytes(StandardCharsets.UTF_8));
    out.put("6 remove the current version", ReviewCostBench.counted(stack, () -> expect(WriteResult.VERSION_REMOVED,
        writer.apply(new Change.RemoveVersion(id, v2, "local", "2099-01-01T00:00:00.000Z", null)))));
    stack.upload("uploads/2022b-" + System.nanoTime() + ".txt",
        (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n（第二版）\n").getBytes(StandardCharsets.UTF_8));
    return out;
  }

  private static void expect(WriteResult expected, ReportWriter.Outcome o) {
    assertEquals(expected, o.result());
  }
}

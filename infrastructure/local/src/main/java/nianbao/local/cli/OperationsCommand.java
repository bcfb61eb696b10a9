package nianbao.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./nianbao reprocess}, {@code redrive} and {@code rebuild-summaries}: invoke the operations function of
 * the local stack (or of a deployed stack, {@code --stack NAME}) with its {@code {"action": …}} requests, the way
 * an operator would with {@code aws lambda invoke}. Reprocess goes on from the cursor each invocation returns
 * until none is left.
 */
final class OperationsCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;

  OperationsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(String action, List<String> args, Path stateDir) {
    String stack = null;
    int batchSize = 50;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--stack" -> stack = i + 1 < args.size() ? args.get(++i) : null;
        case "--data" -> stateDir = Path.of(args.get(++i));
        case "--batch-size" -> batchSize = Integer.parseInt(args.get(++i));
        default -> {
          err.println("nianbao " + action + ": 未知参数“" + args.get(i) + "”");
          return 64;
        }
      }
    }
    try {
      StackTarget target = StackTarget.resolve(stateDir, stack);
      if (target.operationsFunction() == null) {
        err.println("nianbao " + action + ": " + target.description() + " 没有运维函数 " + StackTarget.OPERATIONS
            + "（template.yaml 中缺少它）");
        return 3;
      }
      err.println(action + "：调用 " + target.description() + " 的函数 " + target.operationsFunction());
      String cursor = null;
      do {
        ObjectNode event = JSON.createObjectNode().put("action",
            action.equals("rebuild-summaries") ? "rebuildSummaries" : action);
        if (action.equals("reprocess")) {
          event.put("batchSize", batchSize);
          if (cursor != null) {
            event.put("cursor", cursor);
          }
        }
        JsonNode result = JSON.readTree(target.invokeOperations(event.toString()));
        out.println(result);
        cursor = result.hasNonNull("cursor") ? result.get("cursor").asText() : null;
        if (result.path("failed").asInt() > 0) {
          err.println(action + "：" + result.path("failed").asInt() + " 个失败（见函数日志）");
          return 1;
        }
      } while (cursor != null);
      return 0;
    } catch (StackTarget.NoTargetException | IOException e) {
      err.println("nianbao " + action + ": " + e.getMessage());
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 3;
    }
  }
}

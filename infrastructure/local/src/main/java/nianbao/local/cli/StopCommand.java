package nianbao.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nianbao.local.stack.StackInfo;

/**
 * {@code ./nianbao stop}: stops the local stack running with its state in the data folder (found through its
 * stack.json, as upload finds it), as Ctrl-C stops it in the foreground: SIGTERM, which serve handles as SIGINT
 * (its shutdown hook closes the functions and services, keeps unhandled events for the next start), then waits.
 */
final class StopCommand {
  /** Long enough for a function to finish the event it is on (the template's timeouts are longer, seldom used). */
  static final long WAIT_SECONDS = 60;

  private final PrintStream out;
  private final PrintStream err;

  StopCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args, Path defaultStateDir) {
    Path stateDir = defaultStateDir;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--data") && i + 1 < args.size()) {
        stateDir = Path.of(args.get(++i));
      } else {
        err.println("nianbao stop: 未知参数“" + args.get(i) + "”");
        return 64;
      }
    }
    Optional<JsonNode> info = StackInfo.read(stateDir);
    Optional<ProcessHandle> serve = info.flatMap(i -> ProcessHandle.of(i.path("pid").asLong()));
    if (serve.isEmpty()) {
      out.println("没有正在运行的本地栈（" + stateDir.toAbsolutePath() + "）");
      return 0;
    }
    ProcessHandle process = serve.get();
    err.println("正在停止本地栈（进程 " + process.pid() + "）…");
    process.destroy(); // SIGTERM
    try {
      process.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      err.println("nianbao stop: " + WAIT_SECONDS + " 秒内未停止（进程 " + process.pid() + "）");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      // onExit never fails
    }
    out.println("本地栈已停止");
    return 0;
  }
}

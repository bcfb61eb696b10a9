package nianbao.local.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import nianbao.local.stack.StackOptions;
import nianbao.local.stack.TemplateRunner;

/**
 * {@code ./nianbao serve}: the local stack until Ctrl-C, SIGINT or SIGTERM — all three alike, through the JVM's
 * shutdown hook, in the background too (bin/java-interruptible); {@code ./nianbao stop} sends SIGTERM. Prints where
 * the page, the API and the services are, and the AWS CLI lines to upload a report and to look into the table.
 */
final class ServeCommand {
  private final PrintStream out;
  private final PrintStream err;

  ServeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Path root = Path.of(System.getProperty("nianbao.root", ".")).toAbsolutePath().normalize();
    StackOptions options = StackOptions.forRepository(root).log(err::println);
    Path data = Main.stateDir().toAbsolutePath();
    boolean inMemory = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      try {
        switch (arg) {
          case "--data" -> data = Path.of(args.get(++i)).toAbsolutePath();
          case "--in-memory" -> inMemory = true;
          case "--port" -> options.ports(Integer.parseInt(args.get(++i)), true);
          case "--template" -> options.template(Path.of(args.get(++i)).toAbsolutePath());
          case "--no-samples" -> options.samples(null);
          case "--no-page-build" -> options.buildPage(false);
          case "--stack-name" -> options.stackName(args.get(++i));
          case "--parameter" -> {
            String[] kv = args.get(++i).split("=", 2);
            options.parameter(kv[0], kv.length > 1 ? kv[1] : "");
          }
          default -> {
            err.println("nianbao serve: 未知参数“" + arg + "”");
            return 64;
          }
        }
      } catch (IndexOutOfBoundsException | NumberFormatException e) {
        err.println("nianbao serve: 参数“" + arg + "”缺少或有误的值");
        return 64;
      }
    }
    options.data(inMemory ? null : data).state(data);

    // libraries print banners on System.out (DynamoDB Local does): stdout is for the addresses below only
    System.setOut(err);
    TemplateRunner stack;
    try {
      stack = TemplateRunner.start(options);
    } catch (RuntimeException e) {
      err.println("nianbao serve: 启动失败：" + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err.println("nianbao serve: 正在停止…");
      stack.close();
      stopped.countDown();
    }, "nianbao-serve-stop"));
    printAddresses(stack, inMemory ? null : data);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void printAddresses(TemplateRunner stack, Path data) {
    String credentials = "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=" + stack.region();
    out.printf("nianbao 本地栈已就绪（%.1f 秒）%n", stack.startMillis() / 1000.0);
    out.println("  页面 page      " + stack.pageUrl() + (stack.pageBuilt() ? "" : "   （占位页：frontend/ 尚未构建）"));
    out.println("  API            " + stack.apiUrl());
    out.println("  S3             " + stack.s3Endpoint() + "   桶 " + stack.reportsBucket());
    out.println("  DynamoDB       " + stack.dynamoEndpoint() + "   表 " + stack.table());
    out.println("  Lambda / SQS   " + stack.servicesEndpoint() + "   函数 " + String.join(", ", stack.functionNames()));
    out.println("  数据 data      " + (data == null ? "内存中，停止即丢弃 (in memory)" : data.toString()));
    out.println();
    out.println("上传一份报告 (upload a report):");
    out.println("  " + credentials + " aws --endpoint-url " + stack.s3Endpoint() + " s3 cp 报告.txt s3://"
        + stack.reportsBucket() + "/uploads/");
    out.println("  或 ./nianbao upload 报告.txt");
    out.println("查看表中的条目 (scan the table):");
    out.println("  " + credentials + " aws --endpoint-url " + stack.dynamoEndpoint() + " dynamodb scan --table-name "
        + stack.table() + " --max-items 5");
    out.println("按 Ctrl-C 停止，或运行 ./nianbao stop" + (data == null || data.equals(Main.stateDir().toAbsolutePath())
        ? "" : " --data " + data) + " (Ctrl-C or ./nianbao stop stops everything).");
    out.flush();
  }
}

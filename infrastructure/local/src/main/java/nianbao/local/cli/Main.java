package nianbao.local.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import nianbao.core.settings.Settings;

/** {@code ./nianbao COMMAND ...}: the command line for people and scripts. */
public final class Main {
  static final String USAGE = """
      用法: ./nianbao <命令> [参数]

        parse FILE|DIR...   读取报告，输出 docs/FORMAT.md 的 JSON（多个文件时每行一个 JSON）
        check FILE|DIR...   校验报告，逐个文件列出问题并汇总
                            退出码：0 无错误；1 有错误级问题；2 有文件无法作为年报读取
        serve [--data DIR | --in-memory] [--port N] [--template FILE] [--no-samples]
                            在本机运行 template.yaml：S3、DynamoDB、两个函数、HTTP API 和页面；
                            数据默认保存在 ./.nianbao/；端口从 4400 起（页面、API、S3、DynamoDB、Lambda/SQS）
                            Ctrl-C、SIGINT 或 SIGTERM 停止它（在后台运行时也一样）
        stop [--data DIR]   停止正在运行的本地栈（与 serve 的 --data 相同，默认 ./.nianbao），等它停下
        upload [--stack 名称 | --data DIR] FILE|DIR...
                            上传到本地栈（或 --stack / NIANBAO_STACK 指定的 AWS 栈）的报告桶，等待入库，
                            逐个列出状态与问题数；退出码 0 无错误，1 有错误，2 有文件被拒，3 上传或入库失败
        reprocess [--stack 名称 | --data DIR] [--batch-size N]
                            让运维函数按新的读取器/规则版本重新处理旧报告
        redrive [--stack 名称 | --data DIR]
                            让运维函数把死信队列中的上传事件重新入库
        rebuild-summaries [--stack 名称 | --data DIR]
                            按现有报告重写全部汇总（汇总口径变化后使用；运行期间请暂停上传）
                            （不带 --stack 时找正在运行的本地栈：--data 与 serve 的相同，默认 ./.nianbao）
        publish --stack 名称
                            把页面（frontend/dist）和按栈输出生成的 config.json 发布到 AWS 上的站点桶
        help                显示本帮助
      """;

  private Main() {}

  /** Where a running local stack describes itself: {@code NIANBAO_DATA}, else the repository's .nianbao/. */
  static java.nio.file.Path stateDir() {
    String data = Settings.system().get("NIANBAO_DATA").orElse(null);
    return data != null ? java.nio.file.Path.of(data)
        : java.nio.file.Path.of(System.getProperty("nianbao.root", ".")).resolve(".nianbao");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 64;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    return switch (args[0]) {
      case "parse" -> new ParseCommand(out, err).run(rest);
      case "check" -> new CheckCommand(out, err).run(rest);
      case "serve" -> new ServeCommand(out, err).run(rest);
      case "stop" -> new StopCommand(out, err).run(rest, stateDir());
      case "upload" -> new UploadCommand(out, err).run(rest, stateDir());
      case "publish" -> new PublishCommand(out, err).run(rest,
          java.nio.file.Path.of(System.getProperty("nianbao.root", ".")));
      case "reprocess", "redrive", "rebuild-summaries" ->
          new OperationsCommand(out, err).run(args[0], rest, stateDir());
      case "help", "-h", "--help" -> {
        out.print(USAGE);
        yield 0;
      }
      default -> {
        err.println("nianbao: 未知命令“" + args[0] + "”");
        err.print(USAGE);
        yield 64;
      }
    };
  }
}

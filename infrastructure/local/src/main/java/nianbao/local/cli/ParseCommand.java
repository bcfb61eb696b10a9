package nianbao.local.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;

/**
 * {@code parse}: one report's JSON, pretty-printed; several reports as JSON Lines. A file that cannot be read
 * prints one line on stderr naming it and why; its JSON is never printed, not even in part.
 */
final class ParseCommand {
  private final PrintStream out;
  private final PrintStream err;

  ParseCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> arguments) {
    if (arguments.isEmpty()) {
      err.println("nianbao parse: 请给出要读取的文件或文件夹");
      return 64;
    }
    List<Path> files;
    try {
      files = InputFiles.expand(arguments);
    } catch (IOException e) {
      err.println("nianbao parse: 无法列出文件：" + e.getMessage());
      return 2;
    }
    boolean lines = files.size() > 1;
    int status = 0;
    for (Path file : files) {
      try {
        Report report = ReportReader.read(InputFiles.read(file), file.getFileName().toString());
        out.println(lines ? ReportJson.write(report) : ReportJson.writePretty(report));
      } catch (UnreadableDocumentException e) {
        err.println("nianbao: " + file + ": " + e.getMessage());
        status = 2;
      } catch (IOException e) {
        err.println("nianbao: " + file + ": 读取失败：" + e.getMessage());
        status = 2;
      } catch (RuntimeException | StackOverflowError e) {
        err.println("nianbao: " + file + ": 内部错误，未能读取（" + e.getClass().getSimpleName() + "）");
        status = 2;
      }
    }
    return status;
  }
}

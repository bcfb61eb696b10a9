package nianbao.local.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nianbao.core.json.ReportJson;

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
    List<Path> files = InputFiles.expandOrSay(arguments, "parse", err);
    if (files == null) {
      return arguments.isEmpty() ? 64 : 2;
    }
    boolean lines = files.size() > 1;
    int status = 0;
    for (Path file : files) {
      InputFiles.Outcome outcome = InputFiles.report(file);
      if (outcome.report() == null) {
        err.println("nianbao: " + file + ": " + outcome.failure());
        status = 2;
      } else {
        out.println(lines ? ReportJson.write(outcome.report()) : ReportJson.writePretty(outcome.report()));
      }
    }
    return status;
  }
}

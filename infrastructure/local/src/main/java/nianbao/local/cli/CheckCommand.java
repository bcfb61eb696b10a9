package nianbao.local.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Severity;

/**
 * {@code check}: for each file a heading line and a table of its findings, then one summary line.
 * Exit status 2 when any file cannot be read as a report, else 1 when any has an error, else 0.
 */
final class CheckCommand {
  private final PrintStream out;
  private final PrintStream err;

  CheckCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> arguments) {
    List<Path> files = InputFiles.expandOrSay(arguments, "check", err);
    if (files == null) {
      return arguments.isEmpty() ? 64 : 2;
    }
    int withErrors = 0;
    int warningsOnly = 0;
    int clean = 0;
    int unreadable = 0;
    for (Path file : files) {
      InputFiles.Outcome outcome = InputFiles.report(file);
      if (outcome.report() == null) {
        unreadable++;
        out.println("== " + file + " · 无法读取：" + outcome.failure());
        err.println("nianbao: " + file + ": " + outcome.failure());
        continue;
      }
      Report report = outcome.report();
      FindingCounts counts = FindingCounts.of(report.findings());
      String verdict;
      if (counts.errors() > 0) {
        withErrors++;
        verdict = counts.errors() + " 个错误，" + counts.warnings() + " 个警告";
      } else if (counts.warnings() > 0) {
        warningsOnly++;
        verdict = counts.warnings() + " 个警告";
      } else {
        clean++;
        verdict = "无问题";
      }
      if (counts.notes() > 0) {
        // reading notes say how the document was read, not what is wrong with it: never a warning
        verdict += "（" + counts.notes() + " 条读取说明）";
      }
      out.println("== " + file + " · " + describe(report) + " · " + verdict);
      printFindings(report.findings());
    }
    out.println("共 " + files.size() + " 份：" + withErrors + " 份有错误，" + warningsOnly + " 份仅有警告，" + clean
        + " 份无问题，" + unreadable + " 份无法读取");
    if (unreadable > 0) {
      return 2;
    }
    return withErrors > 0 ? 1 : 0;
  }

  private static String describe(Report report) {
    String agency = report.agency() == null ? "（未识别机关）" : report.agency();
    String year = report.year() == null ? "（未识别年份）" : report.year() + " 年";
    return agency + " " + year + " · " + report.template() + " 版格式";
  }

  private void printFindings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    int width = "位置".length() * 2;
    for (Finding f : findings) {
      width = Math.max(width, Text.width(location(f.location())));
    }
    out.println("  规则  级别  " + Text.pad("位置", width) + "  说明");
    for (Finding f : findings) {
      String severity = f.severity() == Severity.ERROR ? "错误" : f.severity() == Severity.NOTE ? "说明" : "警告";
      out.println("  " + Text.pad(f.rule(), 4) + "  " + severity + "  " + Text.pad(location(f.location()), width) + "  "
          + f.message());
    }
  }

  static String location(Location location) {
    if (location == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(location.section() == null ? "" : location.section());
    if (location.row() != null) {
      out.append(' ').append(location.row());
    }
    if (location.column() != null) {
      out.append(' ').append(location.column());
    }
    return out.toString();
  }
}

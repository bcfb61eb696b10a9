package nianbao.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + validate throughput on reports whose labels or table A the publisher or a converter damaged (copies of
 * core's corpus/damaged), and on the worst case for damaged-label search: every label of table B damaged, so each
 * row is looked for by likeness. Run: {@code java -jar functions/benchmarks/target/benchmarks.jar DamagedBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DamagedBenchmark {
  /** One damaged report at a time. */
  @State(Scope.Thread)
  public static class OneReport {
    @Param({"pingtan-2022-dropped-label", "003-two-dropped-labels", "pingtan-2022-run-together-a",
        "pingtan-2022-table-a-loose-lines-and-repealed-apart", "every-label-damaged"})
    public String report;

    byte[] bytes;

    @Setup
    public void load() throws IOException {
      if (report.equals("every-label-damaged")) {
        bytes = everyLabelDamaged();
      } else {
        bytes = ParseBenchmark.resource("/damaged/" + report + ".txt");
      }
    }
  }

  @Benchmark
  public Report parseAndValidate(OneReport one) throws UnreadableDocumentException {
    return ReportReader.read(one.bytes, one.report);
  }

  /**
   * pingtan-2022 with two characters dropped from every numbered label of table B (its middle one and the third
   * from its end), so that most rows lose their label words and are looked for by likeness.
   */
  public static byte[] everyLabelDamaged() throws IOException {
    String text = new String(ParseBenchmark.resource("/damaged/pingtan-2022-dropped-label.txt"), StandardCharsets.UTF_8);
    int from = text.indexOf("三、收到和处理政府信息公开申请情况");
    int to = text.indexOf("四、政府信息公开行政");
    StringBuilder out = new StringBuilder(text.substring(0, from));
    String table = text.substring(from, to);
    int i = 0;
    while (i < table.length()) {
      char c = table.charAt(i);
      out.append(c);
      i++;
      if (c == '.' && i >= 2 && Character.isDigit(table.charAt(i - 2))) {
        int end = i;
        while (end < table.length() && !Character.isDigit(table.charAt(end))) {
          end++;
        }
        StringBuilder label = new StringBuilder(table.substring(i, end));
        if (label.length() >= 6) {
          label.deleteCharAt(label.length() - 3);
          label.deleteCharAt(label.length() / 2);
        }
        out.append(label);
        i = end;
      }
    }
    return out.append(text.substring(to)).toString().getBytes(StandardCharsets.UTF_8);
  }
}

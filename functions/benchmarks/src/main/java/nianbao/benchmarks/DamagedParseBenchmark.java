package nianbao.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Parse + validate on the corpus's damaged conversions (core's {@code src/test/resources/corpus/damaged}, made by
 * {@code tools/fixtures/make_damaged.py}): labels apart from numbers, footers, tables cut under invented headers,
 * moved labels — the recovery by template order at work —, labels the publisher damaged (characters dropped),
 * table A run together or in loose lines, and two worst cases: every row's numbers run together with the labels
 * apart (for the cell solver), every numbered label of table B damaged (for the search by likeness), and every
 * row of tables B and C printed with three values too many, all different (for the solver's reductions). Run: {@code java -jar functions/benchmarks/target/benchmarks.jar DamagedParseBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DamagedParseBenchmark {
  static final String[] DAMAGED = {"pingtan-2022-labels-apart.txt", "pingtan-2022-numbers-first.txt",
      "pingtan-2022-footers.txt", "pingtan-2022-label-moved.txt", "pingtan-2022-invented-header.md",
      "pingtan-2022-group-cells.md", "003_978a9fff42e671ca-labels-apart.txt", "003_978a9fff42e671ca-footers.txt",
      "001_6b6d80a219e047ef-labels-apart.txt", "001_6b6d80a219e047ef-invented-header.md",
      "pingtan-2022-dropped-label.txt", "003-two-dropped-labels.txt", "pingtan-2022-run-together-a.txt",
      "pingtan-2022-table-a-loose-lines-and-repealed-apart.txt"};
  private static final String EVERY_LABEL_DAMAGED = "every-label-damaged";
  private static final String TOO_MANY_EVERYWHERE = "too-many-everywhere";

  /** Every damaged fixture in turn, for one "reports per second" figure to set beside the seeds'. */
  @State(Scope.Thread)
  public static class AllDamaged {
    final List<byte[]> reports = new ArrayList<>();
    int next;

    @Setup
    public void load() throws IOException {
      for (String name : DAMAGED) {
        reports.add(ParseBenchmark.resource("/reports/damaged/" + name));
      }
    }
  }

  @Benchmark
  public Report allDamagedInTurn(AllDamaged all) throws UnreadableDocumentException {
    byte[] report = all.reports.get(all.next++ % all.reports.size());
    return ReportReader.read(report, "damaged");
  }

  /** One document at a time: the slowest damaged fixture, and the worst case constructed for the solver. */
  @State(Scope.Thread)
  public static class OneDamaged {
    @Param({"pingtan-2022-worst.txt", EVERY_LABEL_DAMAGED, TOO_MANY_EVERYWHERE, "pingtan-2022-labels-apart.txt",
        "003_978a9fff42e671ca-labels-apart.txt", "pingtan-2022-dropped-label.txt"})
    public String name;

    byte[] bytes;

    @Setup
    public void load() throws IOException {
      bytes = name.equals(EVERY_LABEL_DAMAGED) ? everyLabelDamaged()
          : name.equals(TOO_MANY_EVERYWHERE) ? tooManyEverywhere()
          : ParseBenchmark.resource("/reports/damaged/" + name);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Report oneDamaged(OneDamaged one) throws UnreadableDocumentException {
    return ReportReader.read(one.bytes, one.name);
  }

  /**
   * pingtan-2022 with two characters dropped from every numbered label of table B (its middle one and the third
   * from its end), so that most rows lose their label words and are looked for by likeness.
   */
  public static byte[] everyLabelDamaged() throws IOException {
    String text = new String(ParseBenchmark.resource("/reports/damaged/pingtan-2022-dropped-label.txt"), StandardCharsets.UTF_8);
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

  /**
   * Seed 002 (tab-separated) with every row of seven or more numbers printed as different digits and three values
   * too many: each row of tables B and C tries every drop and join of its extra values.
   */
  public static byte[] tooManyEverywhere() throws IOException {
    String text = new String(ParseBenchmark.resource("/seeds/002_247cf08f496e631f.txt"), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text.length() * 2);
    int next = 1;
    for (String line : text.split("\n", -1)) {
      String[] cells = line.split("\t", -1);
      int numbers = 0;
      int last = -1;
      for (int i = 0; i < cells.length; i++) {
        if (cells[i].strip().matches("\\d+")) {
          numbers++;
          last = i;
        }
      }
      if (numbers >= 7) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i <= last + 3; i++) {
          boolean number = i > last || cells[i].strip().matches("\\d+");
          row.append(i > 0 ? "\t" : "").append(number ? String.valueOf(next++ % 9 + 1) : cells[i]);
        }
        line = row.toString();
      }
      out.append(line).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}

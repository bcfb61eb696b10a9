package nianbao.benchmarks;

import java.io.IOException;
import java.io.InputStream;
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
 * Parse + validate throughput on the seed reports, one thread: bytes in, Report with findings out — what
 * ingest does per report before it talks to DynamoDB. Run:
 * {@code java -jar functions/benchmarks/target/benchmarks.jar ParseBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
  /** One seed at a time, to see which layouts cost more. */
  @State(Scope.Thread)
  public static class OneSeed {
    @Param({"000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f", "003_978a9fff42e671ca",
        "004_966a26715276eb9e"})
    public String seed;

    byte[] bytes;

    @Setup
    public void load() throws IOException {
      bytes = resource("/seeds/" + seed + ".txt");
    }
  }

  @Benchmark
  public Report parseAndValidate(OneSeed one) throws UnreadableDocumentException {
    return ReportReader.read(one.bytes, one.seed);
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = ParseBenchmark.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing benchmark resource " + path);
      }
      return in.readAllBytes();
    }
  }

  /** All five seeds in turn, for a single "reports per second" figure. */
  @State(Scope.Thread)
  public static class AllSeeds {
    final List<byte[]> reports = new ArrayList<>();
    int next;

    @Setup
    public void load() throws IOException {
      for (String seed : new String[] {"000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f",
          "003_978a9fff42e671ca", "004_966a26715276eb9e"}) {
        reports.add(resource("/seeds/" + seed + ".txt"));
      }
    }
  }

  /**
   * The yardstick the speed target is stated against: merely decoding the same bytes (UTF-8 to a String), the
   * least any reader must do. parse + validate should stay within 10–16× of it.
   */
  @Benchmark
  public String decodeOnlyInTurn(AllSeeds all) {
    byte[] report = all.reports.get(all.next++ % all.reports.size());
    return new String(report, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Benchmark
  public Report allSeedsInTurn(AllSeeds all) throws UnreadableDocumentException {
    byte[] report = all.reports.get(all.next++ % all.reports.size());
    return ReportReader.read(report, "seed");
  }
}

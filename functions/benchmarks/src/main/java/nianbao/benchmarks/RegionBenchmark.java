package nianbao.benchmarks;

import java.util.concurrent.TimeUnit;
import nianbao.core.region.AgencyNames;
import nianbao.core.region.Divisions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The region lookups every report pays for: loading China's division list (once per cold start; budget ~150 ms)
 * and normalising an agency's name (per report; budget ~50 µs). They were timed assertions in the unit tests,
 * which fail on a loaded machine; measured here instead. Run:
 * {@code java -jar functions/benchmarks/target/benchmarks.jar RegionBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RegionBenchmark {

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Divisions loadDivisions() {
    return Divisions.load();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public String normaliseAgencyName() {
    return AgencyNames.normalise("瀘河回族区科技和工业信息化局");
  }
}

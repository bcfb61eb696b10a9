package nianbao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nianbao.core.document.Document;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.fixtures.SeedReports;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Documents read per second, one thread, per format: the six report fixtures of
 * {@code functions/core/src/test/resources/documents} (five seeds and the pingtan sample, as
 * LibreOffice wrote them from the same HTML), read in turn through {@link DocumentReaders#read} — the
 * path ingest takes, with its deadline worker. {@code txt} is the text seeds, for comparison;
 * {@code pdf-no-rulings} the same six reports printed without table borders ({@code corpus/pdf-no-rulings}),
 * whose tables the PDF reader rebuilds from the glyphs' alignment.
 *
 * <p>Run from the repository root: {@code java -jar functions/benchmarks/target/benchmarks.jar
 * DocumentReaderBenchmark} (or pass {@code -Dnianbao.documents=<dir>}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class DocumentReaderBenchmark {
  @Param({"html", "docx", "pdf", "pdf-no-rulings", "txt"})
  public String format;

  private final List<byte[]> documents = new ArrayList<>();
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    if (format.equals("txt")) {
      SeedReports.NAMES.forEach(name -> documents.add(SeedReports.bytes(name)));
      return;
    }
    Path core = findCore();
    Path dir = format.equals("pdf-no-rulings") ? core.resolve("src/test/resources/corpus/pdf-no-rulings")
        : documentsDir(core);
    String extension = format.equals("pdf-no-rulings") ? "pdf" : format;
    try (var files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith("." + extension) && !name.startsWith("reject-") && !name.startsWith("edge-")) {
          documents.add(Files.readAllBytes(p));
        }
      }
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("no ." + format + " documents in " + dir);
    }
  }

  @Benchmark
  public Document read() throws UnreadableDocumentException {
    byte[] bytes = documents.get(next);
    next = (next + 1) % documents.size();
    return DocumentReaders.read(bytes);
  }

  private static Path documentsDir(Path core) {
    String configured = System.getProperty("nianbao.documents");
    return configured != null ? Path.of(configured) : core.resolve("src/test/resources/documents");
  }

  private static Path findCore() {
    for (String candidate : List.of("functions/core", "../core", "../../functions/core", "core")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p.resolve("src/test/resources/documents"))) {
        return p;
      }
    }
    throw new UncheckedIOException(new IOException(
        "run from the repository root (functions/core/src/test/resources/documents not found)"));
  }
}

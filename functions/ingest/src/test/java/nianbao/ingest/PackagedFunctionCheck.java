package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.ingest.bench.ColdStartBench;
import org.junit.jupiter.api.Test;

/**
 * The deployment package, not the classpath the other tests run on: the shade plugin's minimisation drops the
 * classes a library loads only by name, which no test on the classpath can notice (commons-logging's
 * LogFactoryImpl was missing, and every PDF failed to open in the package). Runs in the verify phase, after the
 * package is built: each of core's sample documents in every format is read by a JVM whose classes come from the
 * unpacked package alone, as Lambda unpacks it.
 */
class PackagedFunctionCheck {
  private static final Path PACKAGE = Path.of(System.getProperty("nianbao.package", "target/nianbao-ingest-lambda.jar"));
  private static final Path DOCUMENTS = Path.of(System.getProperty("nianbao.documents",
      "../core/src/test/resources/documents"));

  @Test
  void thePackageReadsEveryFormatAndRejectsWhatItCannotRead() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> documents = Files.list(DOCUMENTS)) {
      documents.filter(p -> !p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toString()));
    }
    Path task = ColdStartBench.unpack(PACKAGE);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", task + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
        PackagedReads.class.getName()));
    command.addAll(files);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    List<String> lines = out.lines().filter(l -> l.matches("(READ|UNREADABLE|FAILED) .*")).toList();
    assertEquals(files.size(), lines.size(), out);
    for (String line : lines) {
      String name = line.substring(line.indexOf(' ') + 1);
      if (name.startsWith("reject-")) {
        assertTrue(line.startsWith("UNREADABLE "), line);
      } else if (name.startsWith("edge-")) {
        // a reader's edge case, not always a whole report: read, or refused as no report after being read
        assertTrue(line.startsWith("READ ") || line.contains("不是政府信息公开工作年度报告"), line);
      } else {
        assertTrue(line.startsWith("READ "), line + "\n" + out);
      }
    }
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("READ ") && l.endsWith(".pdf")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("READ ") && l.endsWith(".docx")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("READ ") && l.endsWith(".html")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("READ ") && l.endsWith(".md")), out);
  }
}

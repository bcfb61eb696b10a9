package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API reads the store through its views (ReportView, VersionView, HistoryView, DeletionView…), never its
 * items: so that an item's layout can change without touching a route (docs/DESIGN.md). Three routes and the
 * purge had come to import items again before this test existed.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void noApiSourceImportsTheStoresItems() throws IOException {
    List<Path> files = javaFiles();
    assertTrue(files.size() > 20, "the API's sources were not found from " + SOURCES.toAbsolutePath());
    List<String> offenders = files.stream().filter(f -> read(f).contains("nianbao.store.item.")).map(Path::toString)
        .toList();
    assertEquals(List.of(), offenders);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package nianbao.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The five seed reports shipped as samples (infrastructure/local/samples/00N_*.txt). */
final class Seeds {
  static final Path SAMPLES = TemplateRunnerWiringTest.ROOT.resolve("infrastructure/local/samples");

  private Seeds() {}

  static List<Path> all() {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      List<Path> seeds = files.filter(p -> p.getFileName().toString().matches("00\\d_.*\\.txt")).sorted().toList();
      if (seeds.size() != 5) {
        throw new IllegalStateException("expected 5 seeds in " + SAMPLES + ", found " + seeds);
      }
      return seeds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package nianbao.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nianbao.core.vocabulary.VocabularyJson;

/**
 * Builds the page ({@code frontend/}, npm) when its sources are newer than {@code frontend/dist}, as the launcher
 * rebuilds the Java modules when theirs are: the first {@code ./nianbao serve} of a fresh clone builds it, later
 * ones only after a change.
 */
public final class FrontendBuild {
  private FrontendBuild() {}

  /** The folder to serve: the built page, or null (no frontend in this checkout, or no build could be made). */
  public static Path ensureBuilt(Path repoRoot, Consumer<String> log) {
    Path frontend = repoRoot.resolve("frontend");
    Path dist = frontend.resolve("dist");
    if (!Files.isRegularFile(frontend.resolve("package.json"))) {
      log.accept("页面：仓库中还没有 frontend/，先提供一个占位页 (no frontend/ yet: serving a placeholder page)");
      return null;
    }
    writeVocabulary(frontend, log);
    Path index = dist.resolve("index.html");
    if (Files.isRegularFile(index) && !newerThan(frontend, lastModified(index))) {
      return dist;
    }
    log.accept("页面：frontend/ 有改动，正在构建 (npm run build)…");
    try {
      if (!Files.isDirectory(frontend.resolve("node_modules"))) {
        run(frontend, log, Files.exists(frontend.resolve("package-lock.json")) ? List.of("npm", "ci")
            : List.of("npm", "install"));
      }
      run(frontend, log, List.of("npm", "run", "build"));
    } catch (IOException | InterruptedException e) {
      log.accept("页面：构建失败 (" + e.getMessage() + ")" + (Files.isRegularFile(index) ? "，沿用上次的构建" : ""));
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    return Files.isRegularFile(index) ? dist : null;
  }

  /** The page's words from core, as the Maven build writes them: a change to core's vocabulary rebuilds the page. */
  private static void writeVocabulary(Path frontend, Consumer<String> log) {
    try {
      VocabularyJson.writeIfChanged(frontend.resolve("src/generated/vocabulary.json"));
    } catch (IOException e) {
      log.accept("页面：无法写入 src/generated/vocabulary.json (" + e.getMessage() + ")");
    }
  }

  private static void run(Path dir, Consumer<String> log, List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      lines.lines().forEach(line -> log.accept("[npm] " + line));
    }
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  /** Whether any source of the page (not its dependencies or output) changed after {@code time}. */
  private static boolean newerThan(Path frontend, FileTime time) {
    try (Stream<Path> files = Files.walk(frontend)) {
      return files.filter(p -> {
        Path rel = frontend.relativize(p);
        String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
        return !first.equals("node_modules") && !first.equals("dist") && !first.equals("target")
            && !first.startsWith(".") && Files.isRegularFile(p);
      }).anyMatch(p -> lastModified(p).compareTo(time) > 0);
    } catch (IOException e) {
      return true;
    }
  }

  private static FileTime lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}

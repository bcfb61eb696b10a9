package nianbao.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code tesseract} program on an image: the image is written as a PGM file, the output and the
 * errors go to files (so that neither pipe can fill and stall the process), and a run that outlives its timeout
 * is killed. One thread per run ({@code OMP_THREAD_LIMIT=1}): Tesseract's OpenMP threads cost more than they
 * give on the one or two cores a function has, and runs of several pages may go side by side instead.
 */
final class TesseractCommand {
  private final String binary;
  private final String tessdata;
  private final Duration timeout;

  /**
   * @param binary   the program, a path or a name on the PATH
   * @param tessdata the models' directory, or null for Tesseract's own default
   */
  TesseractCommand(String binary, String tessdata, Duration timeout) {
    this.binary = binary;
    this.tessdata = tessdata;
    this.timeout = timeout;
  }

  String binary() {
    return binary;
  }

  String tessdata() {
    return tessdata;
  }

  /** Tesseract's TSV output for the image, with the given options ({@code -l chi_sim --psm 6 …}). */
  String tsv(Grey image, List<String> options) throws OcrException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("nianbao-ocr-");
      Path in = dir.resolve("page.pgm");
      Files.write(in, image.toPgm());
      List<String> command = new ArrayList<>();
      command.add(binary);
      command.add(in.toString());
      command.add("stdout");
      if (tessdata != null) {
        command.add("--tessdata-dir");
        command.add(tessdata);
      }
      command.addAll(options);
      command.add("tsv");
      return run(command, dir);
    } catch (IOException e) {
      throw new OcrException("文字识别失败：无法写入临时文件（" + e.getMessage() + "）", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** The program's standard output for other arguments ({@code --version}, {@code --list-langs}). */
  String output(String... arguments) throws OcrException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("nianbao-ocr-");
      List<String> command = new ArrayList<>();
      command.add(binary);
      command.addAll(List.of(arguments));
      return run(command, dir);
    } catch (IOException e) {
      throw new OcrException("文字识别失败：无法写入临时文件（" + e.getMessage() + "）", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private String run(List<String> command, Path dir) throws OcrException, IOException {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    builder.environment().put("OMP_THREAD_LIMIT", "1");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new OcrException("文字识别程序无法启动（" + binary + "）：" + e.getMessage(), e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new OcrException("文字识别超时：一页超过 " + timeout.toSeconds() + " 秒未完成");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new OcrException("文字识别被中断", e);
    }
    String errors = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8).strip() : "";
    if (process.exitValue() != 0) {
      throw new OcrException("文字识别程序出错（退出码 " + process.exitValue() + "）：" + shorten(errors));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a temporary file left behind is harmless; the directory is the system's temporary one
    }
  }
}

package nianbao.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's name for {@code source.reader}: Tesseract's version and the model's name with the start of its
 * SHA-256, so that a report read by another version or another model file is read again on reprocessing.
 */
final class TesseractEngine {
  private static final Pattern VERSION = Pattern.compile("tesseract\\s+v?(\\S+)");
  private static final Pattern LANGUAGES_DIR = Pattern.compile("\"([^\"]+)\"");

  private TesseractEngine() {}

  /**
   * {@code tesseract-5.3.0+chi_sim@1a2b3c4d+eng@5e6f7a8b}: the version, then each model with the start of its
   * SHA-256.
   *
   * @throws OcrException when the program does not run or a model is not installed
   */
  static String describe(TesseractCommand command, String... languages) throws OcrException {
    Matcher version = VERSION.matcher(command.output("--version"));
    if (!version.find()) {
      throw new OcrException("文字识别程序无法识别（" + command.binary() + " --version 没有给出版本）");
    }
    String installed = command.tessdata() == null ? command.output("--list-langs")
        : command.output("--tessdata-dir", command.tessdata(), "--list-langs");
    StringBuilder name = new StringBuilder("tesseract-" + version.group(1));
    for (String language : languages) {
      if (!installed.lines().map(String::strip).toList().contains(language)) {
        throw new OcrException("文字识别模型 " + language + " 未安装（" + firstLine(installed) + "）");
      }
      Matcher dir = LANGUAGES_DIR.matcher(installed);
      Path model = command.tessdata() != null ? Path.of(command.tessdata(), language + ".traineddata")
          : dir.find() ? Path.of(dir.group(1), language + ".traineddata") : null;
      name.append('+').append(language)
          .append(model != null && Files.isRegularFile(model) ? "@" + sha256Prefix(model) : "");
    }
    return name.toString();
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("").strip();
  }

  private static String sha256Prefix(Path file) throws OcrException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
    } catch (IOException e) {
      throw new OcrException("文字识别模型无法读取：" + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

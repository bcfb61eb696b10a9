package nianbao.core.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report texts of the test resources (seeds and samples) as text, and the agency each names in its title. */
final class ReportTexts {
  private ReportTexts() {}

  static String text(String resource) {
    try (InputStream in = ReportTexts.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The agency name of a report: its first non-empty line, less a "标题:" label and from the year on. */
  static String agency(String text) {
    String first = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    return first.replaceFirst("^标题\\s*[:：]\\s*", "").replaceFirst("\\s*\\d{4}\\s*年.*$", "").strip();
  }
}

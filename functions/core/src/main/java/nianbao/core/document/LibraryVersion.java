package nianbao.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, for the readers' version strings. */
final class LibraryVersion {
  private LibraryVersion() {}

  static String of(String group, String artifact, String fallback) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = LibraryVersion.class.getResourceAsStream(path)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v.trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall back
    }
    return fallback;
  }
}

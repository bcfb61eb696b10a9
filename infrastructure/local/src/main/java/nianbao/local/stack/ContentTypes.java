package nianbao.local.stack;

import java.util.Map;

/** Content types by extension: the page's files (local page server, site bucket) and uploaded reports. */
public final class ContentTypes {
  public static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("map", "application/json"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("wasm", "application/wasm"));

  private ContentTypes() {}

  /** The content type to upload a report with: as the page declares it, from core's list of accepted types. */
  public static String ofReport(java.nio.file.Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (extension.equals("txt")) {
      return "text/plain; charset=utf-8";
    }
    return nianbao.core.vocabulary.Vocabulary.UPLOAD_TYPES.stream().filter(t -> t.extension().equals(extension))
        .map(nianbao.core.vocabulary.Vocabulary.UploadType::contentType).findFirst()
        .orElse("application/octet-stream");
  }

  public static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
  }
}

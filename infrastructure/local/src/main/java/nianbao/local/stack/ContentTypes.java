package nianbao.local.stack;

import java.util.Map;

/** Content types of the page's files, by extension: the same for the local page server and the site bucket. */
public final class ContentTypes {
  public static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("map", "application/json"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("wasm", "application/wasm"));

  private ContentTypes() {}

  public static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
  }
}

package nianbao.core.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads this package's resources: lines starting with '#' are comments, the rest TAB-separated cells.
 * Plain loops, no lambdas: this runs at a cold start.
 */
final class RegionData {
  private RegionData() {}

  /** The rows of a resource, each split at TABs. */
  static List<String[]> rows(String resource) {
    List<String[]> rows = new ArrayList<>(4096);
    try (InputStream in = RegionData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource nianbao/core/region/" + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          rows.add(split(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static String[] split(String line) {
    int tabs = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\t') {
        tabs++;
      }
    }
    String[] cells = new String[tabs + 1];
    int from = 0;
    for (int k = 0; k < tabs; k++) {
      int tab = line.indexOf('\t', from);
      cells[k] = line.substring(from, tab);
      from = tab + 1;
    }
    cells[tabs] = line.substring(from);
    return cells;
  }
}

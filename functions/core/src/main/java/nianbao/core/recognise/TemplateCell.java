package nianbao.core.recognise;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Evidence;
import nianbao.core.model.Location;

/**
 * A template's cell as the recogniser records it: where it is and its key in the report's evidence, built once
 * per cell of the template rather than once per report (every report asks for the same few hundred; building and
 * hashing them afresh took a measured 4 % of parse + validate).
 */
record TemplateCell(Location location, String key) {
  static TemplateCell of(Location location) {
    return new TemplateCell(location, Evidence.key(location));
  }

  /** The cells of each row key of {@code rows}, one per column, in column order. */
  static Map<String, TemplateCell[]> rows(String section, List<RowSpec> rows, List<String> columns) {
    Map<String, TemplateCell[]> out = new HashMap<>();
    for (RowSpec row : rows) {
      out.computeIfAbsent(row.key(), key -> row(section, key, columns));
    }
    return Map.copyOf(out);
  }

  /** One row's cells, one per column. */
  static TemplateCell[] row(String section, String row, List<String> columns) {
    TemplateCell[] cells = new TemplateCell[columns.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = of(Location.cell(section, row, columns.get(c)));
    }
    return cells;
  }
}

package nianbao.api.routes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An export as an Excel workbook of one sheet (fastexcel: streams the OOXML, no POI): the header row bold and
 * frozen, numbers as numbers, everything else as text. Text cells are never formulas in XLSX (a string cell is
 * a string), so the CSV's apostrophe before {@code =+-@} is not needed and not added.
 */
final class Xlsx implements Sheet {
  /** Excel's limit on a sheet name; also no {@code []:*?/\}. */
  private static final int MAX_TITLE = 31;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Workbook workbook;
  private final Worksheet sheet;
  private int rows;

  Xlsx(String title) {
    workbook = new Workbook(out, "nianbao", "1.0");
    String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-");
    sheet = workbook.newWorksheet(name.length() > MAX_TITLE ? name.substring(0, MAX_TITLE) : name);
  }

  @Override
  public void row(List<?> cells) {
    for (int c = 0; c < cells.size(); c++) {
      Object v = cells.get(c);
      if (v instanceof Csv.Text t) {
        sheet.value(rows, c, t.value());
      } else if (v instanceof Number n) {
        sheet.value(rows, c, n);
      } else if (v != null) {
        sheet.value(rows, c, v.toString());
      }
      if (rows == 0) {
        // the header: bold, and a column wide enough for its name (CJK characters are two widths)
        sheet.style(0, c).bold().set();
        String name = v == null ? "" : v.toString();
        sheet.width(c, Math.min(40, Math.max(10, name.codePointCount(0, name.length()) * 2.2 + 2)));
      }
    }
    if (rows == 0) {
      sheet.freezePane(0, 1);
    }
    rows++;
  }

  @Override
  public byte[] bytes() {
    try {
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

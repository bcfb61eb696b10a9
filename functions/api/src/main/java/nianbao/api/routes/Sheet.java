package nianbao.api.routes;

import java.util.List;

/**
 * The rows of an export as people hand them on, in one of the {@link ExportFormat}s: the first row is the header.
 * Cells are numbers, {@link Csv.Text} (text that came from a document or a person) or plain strings; null is blank.
 */
interface Sheet {
  void row(List<?> cells);

  /** The file: UTF-8 text with BOM for CSV, an Office Open XML workbook for XLSX. */
  byte[] bytes();
}

package nianbao.api.routes;

import java.util.Locale;

/** The formats an export is written in: the same rows and Chinese headers, as CSV or as an Excel workbook. */
enum ExportFormat {
  CSV("csv", "text/csv; charset=utf-8"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String extension;
  private final String contentType;

  ExportFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  String extension() {
    return extension;
  }

  String contentType() {
    return contentType;
  }

  /** A binary format: sent base64-encoded, a third larger than its bytes. */
  boolean binary() {
    return this == XLSX;
  }

  /** A new, empty sheet of this format; {@code title}: the workbook's sheet name. */
  Sheet sheet(String title) {
    return this == CSV ? new Csv() : new Xlsx(title);
  }

}

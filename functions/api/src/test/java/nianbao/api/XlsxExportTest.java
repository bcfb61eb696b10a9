package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every export as XLSX ({@code format=xlsx}) read back with fastexcel's reader: the same header and rows as its
 * CSV (Chinese column names, statuses and severities in words, template labels, China time), numbers as number
 * cells, the Excel media type and an .xlsx file name; a large one through the export bucket.
 */
class XlsxExportTest {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String ROSTER = "?year=2022&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市");
  static ApiStack stack;

  @BeforeAll
  static void ingest() {
    stack = new ApiStack().withSeedsAndB1Errors();
    ApiStack.Call put = stack.callBytes("PUT", "/rosters" + ROSTER, Map.of("content-type", "text/csv"),
        "机关名称,区划代码\n新乡县人民政府,410721\n卫辉市教育局,\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, put.status(), put.body());
  }

  @Test
  void everyExportAsXlsxHoldsTheRowsOfItsCsv() throws IOException {
    for (String target : List.of("/export/reports.csv?year=2022&sort=errors", "/export/findings.csv",
        "/export/findings.csv?severity=error", "/export/rankings.csv?year=2022&by=errors",
        "/export/rankings.csv?year=2022&by=disclosure", "/export/roster.csv" + ROSTER,
        "/export/region-rankings.csv?year=2022", "/export/region-rankings.csv?year=2022&province="
            + ApiStack.enc("河南省") + "&by=disclosure")) {
      ApiStack.Call csv = stack.get(target);
      assertEquals(200, csv.status(), target + ": " + csv.body());
      ApiStack.Call xlsx = stack.get(target + (target.contains("?") ? "&" : "?") + "format=xlsx");
      assertEquals(200, xlsx.status(), target + ": " + xlsx.body());
      assertEquals(XLSX, xlsx.header("Content-Type"), target);
      assertTrue(xlsx.base64(), "a binary answer goes base64-encoded");
      assertTrue(xlsx.header("Content-Disposition").matches("attachment; filename=\"[^\"]+\\.xlsx\".*"),
          xlsx.header("Content-Disposition"));
      List<List<String>> fromCsv = parseCsv(csv.body());
      List<List<Cell>> sheet = read(xlsx.bytes());
      assertEquals(fromCsv.size(), sheet.size(), target + ": rows");
      assertTrue(fromCsv.size() >= 2, target + " has rows to compare");
      for (int i = 0; i < fromCsv.size(); i++) {
        assertSameRow(target + " row " + i, fromCsv.get(i), sheet.get(i));
      }
    }
  }

  @Test
  void numbersAreNumberCellsAndWordsAreTheTemplates() throws IOException {
    List<List<Cell>> reports = read(stack.get("/export/reports.csv?year=2022&format=xlsx").bytes());
    List<String> header = reports.get(0).stream().map(XlsxExportTest::text).toList();
    int errors = header.indexOf("错误数");
    int status = header.indexOf("状态");
    int uploaded = header.indexOf("上传时间");
    assertTrue(errors > 0 && status > 0 && uploaded > 0, header.toString());
    for (List<Cell> row : reports.subList(1, reports.size())) {
      assertEquals(CellType.NUMBER, row.get(errors).getType(), "错误数 is a number");
      assertTrue(List.of("通过", "有错误", "未能识别").contains(text(row.get(status))), text(row.get(status)));
      assertTrue(text(row.get(uploaded)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), "China time");
    }
    List<List<Cell>> findings = read(stack.get("/export/findings.csv?format=xlsx").bytes());
    List<String> fh = findings.get(0).stream().map(XlsxExportTest::text).toList();
    assertEquals(List.of("报告编号", "机关", "年度", "省", "市", "规则", "级别", "部分", "行", "列", "说明", "应为", "实为"), fh);
    assertTrue(findings.stream().skip(1).anyMatch(r -> text(r.get(6)).equals("错误")), "severity in words");
    assertTrue(findings.stream().skip(1).allMatch(r -> List.of("错误", "警告", "读取说明").contains(text(r.get(6)))));
  }

  @Test
  void aLargeXlsxGoesThroughTheExportBucket() throws Exception {
    ApiStack small = new ApiStack(c -> c.withInlineExportBytes(300));
    small.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    ApiStack.Call c = small.get("/export/reports.csv?format=xlsx");
    assertEquals(303, c.status(), c.body());
    assertTrue(c.header("Location").contains("/reports.xlsx"), c.header("Location"));
    HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(c.header("Location"))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertEquals(XLSX, file.headers().firstValue("Content-Type").orElse(""));
    List<List<Cell>> rows = read(file.body());
    assertEquals("报告编号", text(rows.get(0).get(0)));
    assertTrue(text(rows.get(1).get(1)).contains("新乡县人民政府"));
  }

  @Test
  void anUnknownFormatIsRefused() {
    ApiStack.Call c = stack.get("/export/reports.csv?format=pdf");
    assertEquals(400, c.status(), c.body());
    assertTrue(c.body().contains("format"), c.body());
  }

  /** A CSV cell and its XLSX cell: equal text, a number equal as a number; the CSV's formula guard dropped. */
  static void assertSameRow(String where, List<String> csv, List<Cell> xlsx) {
    for (int c = 0; c < Math.max(csv.size(), xlsx.size()); c++) {
      String expected = c < csv.size() ? csv.get(c) : "";
      Cell cell = c < xlsx.size() ? xlsx.get(c) : null;
      String actual = cell == null ? "" : text(cell);
      if (cell != null && cell.getType() == CellType.NUMBER) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), where + " col " + c);
      } else {
        assertEquals(expected.startsWith("'") && "=+-@".indexOf(actual.isEmpty() ? ' ' : actual.charAt(0)) >= 0
            ? expected.substring(1) : expected, actual, where + " col " + c);
      }
    }
  }

  static String text(Cell cell) {
    return cell == null || cell.getType() == CellType.EMPTY ? "" : cell.getText();
  }

  static List<List<Cell>> read(byte[] bytes) throws IOException {
    List<List<Cell>> out = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      for (Row row : wb.getFirstSheet().read()) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
          cells.add(row.getCell(i));
        }
        out.add(cells);
      }
    }
    return out;
  }

  /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; CRLF ends a row; BOM dropped. */
  static List<List<String>> parseCsv(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(ch);
      }
    }
    return rows;
  }
}

package nianbao.core.roster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nianbao.core.document.TextReader;
import nianbao.core.document.UnreadableDocumentException;

/**
 * A roster uploaded as CSV: a header line, then one agency a line. Columns, by their header (any order, others
 * ignored): {@code 机关名称} (or 单位名称, 名称, agency) — required; {@code 区划代码} (or 行政区划代码, code) — optional,
 * six digits. The text is UTF-8 (with or without BOM) or GBK/GB18030, detected strictly (the document reader's
 * detection), never guessed into mojibake. Blank lines are skipped; a line without a name is refused by number.
 */
public final class RosterCsv {
  private RosterCsv() {}

  /** At most this many entries: a province's agencies of every level are a few thousand. */
  public static final int MAX_ENTRIES = 20_000;

  static final List<String> NAME_HEADERS = List.of("机关名称", "单位名称", "名称", "agency");
  static final List<String> CODE_HEADERS = List.of("区划代码", "行政区划代码", "code");

  /** A roster read: its entries in order and the encoding it was in. */
  public record Parsed(List<RosterEntry> entries, String encoding) {}

  /** @throws IllegalArgumentException with a reason in Chinese naming the line, for anything that is no roster */
  public static Parsed parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("名单为空：应为 CSV，第一行为表头（机关名称，可选 区划代码）");
    }
    TextReader.Decoded decoded;
    try {
      decoded = TextReader.decode(bytes);
    } catch (UnreadableDocumentException e) {
      throw new IllegalArgumentException("名单的字符编码无法识别：应为 UTF-8 或 GBK（" + e.getMessage() + "）");
    }
    List<String[]> rows = new ArrayList<>();
    // blank lines are read as rows (and skipped below), so that a row's index is its line
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES);
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(decoded.text())) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("名单不是有效的 CSV：" + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("名单为空：应为 CSV，第一行为表头（机关名称，可选 区划代码）");
    }
    String[] header = rows.get(0);
    int name = column(header, NAME_HEADERS);
    int code = column(header, CODE_HEADERS);
    if (name < 0) {
      throw new IllegalArgumentException("名单第 1 行应为表头，含“机关名称”一列（可选“区划代码”）；读到："
          + String.join("，", header));
    }
    List<RosterEntry> entries = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      String[] row = rows.get(i);
      int line = i + 1;
      String agency = cell(row, name);
      String regionCode = cell(row, code);
      if (agency == null && regionCode == null && blank(row)) {
        continue;
      }
      if (agency == null) {
        throw new IllegalArgumentException("名单第 " + line + " 行没有机关名称");
      }
      if (regionCode != null && !regionCode.matches("\\d{6}")) {
        throw new IllegalArgumentException("名单第 " + line + " 行的区划代码 “" + regionCode + "” 应为 6 位数字");
      }
      entries.add(new RosterEntry(line, agency, regionCode));
      if (entries.size() > MAX_ENTRIES) {
        throw new IllegalArgumentException("名单超过 " + MAX_ENTRIES + " 个机关：请按地区分开上传");
      }
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("名单只有表头，没有机关");
    }
    return new Parsed(List.copyOf(entries), decoded.charset());
  }

  private static int column(String[] header, List<String> names) {
    for (int i = 0; i < header.length; i++) {
      String h = header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
      if (names.contains(h)) {
        return i;
      }
    }
    return -1;
  }

  private static String cell(String[] row, int column) {
    if (column < 0 || column >= row.length) {
      return null;
    }
    String v = row[column].strip();
    return v.isEmpty() ? null : v;
  }

  private static boolean blank(String[] row) {
    for (String c : row) {
      if (!c.isBlank()) {
        return false;
      }
    }
    return true;
  }
}

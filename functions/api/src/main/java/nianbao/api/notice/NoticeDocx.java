package nianbao.api.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Rectification notices as one Word document (DOCX): the smallest WordprocessingML package Word and LibreOffice
 * open — content types, the package relationship and {@code word/document.xml} — written with
 * {@code java.util.zip}. Apache POI would add ~15 MB to the API function and its cold start for three XML files;
 * the document uses only paragraphs, runs, one table per notice and page breaks, all of ECMA-376 part 1 §17.
 * A4 with the margins of the printed page; one notice per page. Entries carry a fixed time, so the same notices
 * give the same bytes (and ETag).
 */
public final class NoticeDocx {
  private NoticeDocx() {}

  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final FileTime FIXED = FileTime.fromMillis(1_577_836_800_000L); // 2020-01-01
  private static final String FONT = "<w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"SimSun\"/>";
  private static final int[] COLUMNS = {600, 1500, 2100, 1000, 800, 800, 2400}; // twentieths of a point

  static final String CONTENT_TYPES = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/word/document.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

  static final String RELS = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
      Target="word/document.xml"/></Relationships>""";

  public static byte[] write(List<NoticeContent> notices) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES);
      entry(zip, "_rels/.rels", RELS);
      entry(zip, "word/document.xml", document(notices));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String document(List<NoticeContent> notices) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"").append(W)
        .append("\"><w:body>");
    for (int i = 0; i < notices.size(); i++) {
      if (i > 0) {
        b.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
      }
      notice(b, notices.get(i));
    }
    // A4 (11906 × 16838 twentieths), margins 25/22/22/25 mm
    b.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1247\" ")
        .append("w:bottom=\"1247\" w:left=\"1417\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>")
        .append("</w:body></w:document>");
    return b.toString();
  }

  private static void notice(StringBuilder b, NoticeContent n) {
    paragraph(b, n.heading(), "center", 40, true, false);
    paragraph(b, n.addressee(), null, 32, false, false);
    paragraph(b, n.opening(), null, 32, false, true);
    b.append("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
    for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    }
    b.append("</w:tblBorders></w:tblPr><w:tblGrid>");
    for (int w : COLUMNS) {
      b.append("<w:gridCol w:w=\"").append(w).append("\"/>");
    }
    b.append("</w:tblGrid>");
    row(b, true, "序号", "表格", "行", "列", "应为", "实为", "问题");
    int i = 1;
    for (NoticeContent.Problem p : n.problems()) {
      String problem = p.ruleWording() + "（" + p.rule() + "）"
          + (p.message() == null || p.message().isBlank() ? "" : "：" + p.message());
      row(b, false, Integer.toString(i++), p.table(), p.row(), p.column(), p.expected(), p.actual(), problem);
    }
    b.append("</w:tbl>");
    paragraph(b, n.request(), null, 32, false, true);
    if (n.note() != null && !n.note().isBlank()) {
      paragraph(b, "审核意见：" + n.note(), null, 32, false, true);
    }
    paragraph(b, n.issuer(), "right", 32, false, false);
    paragraph(b, NoticeContent.chinese(n.date()), "right", 32, false, false);
    paragraph(b, "报告编号：" + n.reportId(), null, 21, false, false);
  }

  /** One paragraph; {@code size} in half-points; {@code indent}: the first line indented two characters. */
  private static void paragraph(StringBuilder b, String text, String align, int size, boolean bold, boolean indent) {
    b.append("<w:p><w:pPr>");
    if (indent) {
      b.append("<w:ind w:firstLineChars=\"200\" w:firstLine=\"").append(size * 20).append("\"/>");
    }
    if (align != null) {
      b.append("<w:jc w:val=\"").append(align).append("\"/>");
    }
    b.append("</w:pPr>");
    run(b, text, size, bold);
    b.append("</w:p>");
  }

  private static void row(StringBuilder b, boolean header, String... cells) {
    b.append("<w:tr>").append(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>");
    for (int i = 0; i < cells.length; i++) {
      b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(COLUMNS[i]).append("\" w:type=\"dxa\"/></w:tcPr><w:p>");
      if (header) {
        b.append("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
      }
      run(b, cells[i], 21, header);
      b.append("</w:p></w:tc>");
    }
    b.append("</w:tr>");
  }

  private static void run(StringBuilder b, String text, int size, boolean bold) {
    b.append("<w:r><w:rPr>").append(FONT).append(bold ? "<w:b/>" : "").append("<w:sz w:val=\"").append(size)
        .append("\"/><w:szCs w:val=\"").append(size).append("\"/></w:rPr><w:t xml:space=\"preserve\">")
        .append(xml(text)).append("</w:t></w:r>");
  }

  /** Text as XML character data: markup escaped, characters XML 1.0 does not allow left out. */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
              || c >= 0x10000 && c <= 0x10FFFF) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setLastModifiedTime(FIXED);
    e.setCreationTime(FIXED);
    e.setLastAccessTime(FIXED);
    zip.putNextEntry(e);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}

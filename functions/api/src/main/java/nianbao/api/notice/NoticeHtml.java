package nianbao.api.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Rectification notices as one printable HTML page: A4, a print stylesheet (one notice per sheet, page breaks
 * between them, the toolbar not printed), a print button. Every text from a report or a reviewer is escaped; the
 * page's only style and script are named by hash in its Content-Security-Policy ({@link #CONTENT_SECURITY_POLICY}),
 * so markup that slipped into a report could neither run nor restyle it.
 */
public final class NoticeHtml {
  private NoticeHtml() {}

  static final String STYLE = """
      @page { size: A4; margin: 25mm 22mm 22mm 25mm; }
      body { margin: 0; background: #eee; color: #000;
        font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; }
      .toolbar { position: sticky; top: 0; padding: 8px 16px; background: #333; color: #fff; font: 14px sans-serif; }
      .toolbar button { font-size: 14px; padding: 4px 16px; }
      .notice { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 25mm 22mm 22mm 25mm;
        background: #fff; font-size: 16pt; line-height: 1.6; }
      h1 { font-size: 20pt; text-align: center; margin: 0 0 1.2em; font-weight: bold; }
      p { margin: 0 0 .6em; text-indent: 2em; }
      p.addressee, p.signature, p.date { text-indent: 0; }
      p.signature, p.date { text-align: right; margin: 0; }
      p.signature { margin-top: 2em; }
      table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 10.5pt; line-height: 1.4;
        margin: .4em 0 1em; }
      col.n { width: 2.4em; } col.where { width: 17%; } col.col { width: 9%; } col.v { width: 4.2em; }
      th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
      th { font-weight: bold; text-align: center; }
      td.value { text-align: right; white-space: nowrap; }
      .ref { font-size: 10.5pt; color: #444; text-indent: 0; }
      @media print {
        body { background: #fff; }
        .toolbar { display: none; }
        .notice { width: auto; min-height: 0; margin: 0; padding: 0; break-after: page; page-break-after: always; }
        .notice:last-of-type { break-after: auto; page-break-after: auto; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
      }
      """;

  static final String SCRIPT = "document.getElementById('print').addEventListener('click',function(){window.print();});";

  /** Nothing loads from anywhere; the page's own style and script only, by hash. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + hash(STYLE)
      + "'; script-src '" + hash(SCRIPT) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** One page of every notice, in order, each on its own sheet when printed. */
  public static String page(List<NoticeContent> notices) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(notices.size() == 1 ? notices.get(0).heading()
            : "整改通知（" + notices.size() + " 份）")).append("</title><style>").append(STYLE).append("</style></head><body>")
        .append("<div class=\"toolbar\"><button type=\"button\" id=\"print\">打印</button> 共 ").append(notices.size())
        .append(" 份整改通知，打印时每份一页起（A4）。</div>\n");
    for (NoticeContent n : notices) {
      notice(b, n);
    }
    return b.append("<script>").append(SCRIPT).append("</script></body></html>\n").toString();
  }

  private static void notice(StringBuilder b, NoticeContent n) {
    b.append("<section class=\"notice\" data-report=\"").append(esc(n.reportId())).append("\">")
        .append("<h1>").append(esc(n.heading())).append("</h1>")
        .append("<p class=\"addressee\">").append(esc(n.addressee())).append("</p>")
        .append("<p>").append(esc(n.opening())).append("</p>")
        .append("<table><colgroup><col class=\"n\"><col class=\"where\"><col class=\"where\"><col class=\"col\">")
        .append("<col class=\"v\"><col class=\"v\"><col></colgroup>")
        .append("<thead><tr><th>序号</th><th>表格</th><th>行</th><th>列</th><th>应为</th><th>实为</th>")
        .append("<th>问题</th></tr></thead><tbody>");
    int i = 1;
    for (NoticeContent.Problem p : n.problems()) {
      b.append("<tr><td>").append(i++).append("</td><td>").append(esc(p.table())).append("</td><td>")
          .append(esc(p.row())).append("</td><td>").append(esc(p.column())).append("</td><td class=\"value\">")
          .append(esc(p.expected())).append("</td><td class=\"value\">").append(esc(p.actual())).append("</td><td>")
          .append(esc(p.ruleWording())).append("（").append(esc(p.rule())).append("）");
      if (p.message() != null && !p.message().isBlank()) {
        b.append("：").append(esc(p.message()));
      }
      b.append("</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<p>").append(esc(n.request())).append("</p>");
    if (n.note() != null && !n.note().isBlank()) {
      b.append("<p>审核意见：").append(esc(n.note())).append("</p>");
    }
    b.append("<p class=\"signature\">").append(esc(n.issuer())).append("</p>")
        .append("<p class=\"date\">").append(esc(NoticeContent.chinese(n.date()))).append("</p>")
        .append("<p class=\"ref\">报告编号：").append(esc(n.reportId())).append("</p></section>\n");
  }

  /** Text as HTML: the five characters that could end an element or an attribute, and nothing else changed. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

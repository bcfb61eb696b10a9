package nianbao.core.document;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names a document's format from its first bytes. */
public final class FormatSniffer {
  private FormatSniffer() {}

  public static String sniff(byte[] bytes) {
    if (has(bytes, 0x25, 0x50, 0x44, 0x46)) {
      return "pdf";
    }
    if (has(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return compoundKind(bytes);
    }
    if (has(bytes, 0x50, 0x4B, 0x03, 0x04) || has(bytes, 0x50, 0x4B, 0x05, 0x06)) {
      return zipKind(bytes);
    }
    if (has(bytes, 0x89, 0x50, 0x4E, 0x47) || has(bytes, 0xFF, 0xD8, 0xFF) || has(bytes, 0x47, 0x49, 0x46, 0x38)
        || has(bytes, 0x42, 0x4D) && bytes.length > 26 && bytes[1] == 0x4D && bytes[14] != 0 && bytes[6] == 0) {
      return "image";
    }
    if (has(bytes, 0x7B, 0x5C, 0x72, 0x74, 0x66)) {
      return "rtf";
    }
    if (looksLikeHtml(bytes)) {
      return "html";
    }
    if (looksLikeJson(bytes)) {
      return "json";
    }
    String head = textHead(bytes);
    if (ScriptMarkup.isScript(head) || FIRST_TAG.matcher(head).lookingAt()) {
      return HtmlReader.FORMAT;
    }
    if (MarkdownReader.looksLikeMarkdown(head)) {
      return MarkdownReader.FORMAT; // before the count of tags: converters put HTML tables in Markdown
    }
    if (isMarkup(head)) {
      return HtmlReader.FORMAT;
    }
    return TextReader.FORMAT;
  }

  /** At least this many block tags in a text's head make it markup, whatever its first line. */
  private static final int MARKUP_TAGS = 5;
  private static final Pattern FIRST_TAG = Pattern.compile(
      "<(?:p|div|span|table|tbody|tr|td|th|h[1-6]|section|article|center|font|strong|b|br|ul|ol|li|a|img|style|"
          + "script|body|title|link|form)[\\s>/]", Pattern.CASE_INSENSITIVE);
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "<(?:p|div|table|tr|td|th|br|span|li|h[1-6])[\\s>/]", Pattern.CASE_INSENSITIVE);

  /** The first 64 KB as ISO-8859-1, past a UTF-8 BOM and leading whitespace: markup and code are ASCII. */
  private static String textHead(byte[] bytes) {
    int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    while (from < bytes.length && (bytes[from] == ' ' || bytes[from] == '\n' || bytes[from] == '\r'
        || bytes[from] == '\t')) {
      from++;
    }
    return new String(bytes, from, Math.min(bytes.length - from, 65536), StandardCharsets.ISO_8859_1);
  }

  /**
   * Text that is HTML markup without a page around it (a fragment saved as .txt) carries {@link #MARKUP_TAGS}
   * block tags (or starts with a tag). Read as text, its attributes and CSS would pass for values.
   */
  private static boolean isMarkup(String head) {
    int firstAngle = head.indexOf('<');
    if (firstAngle < 0) {
      return false; // plain text, the common case: no regex walk over 64 KB
    }
    Matcher tags = BLOCK_TAG.matcher(head).region(firstAngle, head.length());
    int count = 0;
    while (count < MARKUP_TAGS && tags.find()) {
      count++;
    }
    return count >= MARKUP_TAGS;
  }

  public static String describe(String format) {
    return switch (format) {
      case "doc" -> "旧版 Word 文档（.doc），请另存为 .docx 或 PDF 后上传";
      case "xlsx" -> "Excel 表格（.xlsx），请把报告另存为 .docx 或 PDF 后上传";
      case "xls" -> "旧版 Excel 表格（.xls）";
      case "ppt" -> "旧版 PowerPoint 演示文稿（.ppt）";
      case "pptx" -> "PowerPoint 演示文稿（.pptx）";
      case "ofd" -> "OFD 版式文件（.ofd），请另存为 PDF 后上传";
      case "wps" -> "WPS 文字旧格式（.wps），请另存为 .docx 或 PDF 后上传";
      case "encrypted-office" -> "加密的 Office 文档（需要密码），请取消密码后上传";
      case "rtf" -> "RTF 文档（.rtf），请另存为 .docx 或 PDF 后上传";
      case "zip" -> "ZIP 压缩包";
      case "image" -> "图片（无文字层，不做文字识别）";
      case "html" -> "网页（HTML）";
      case "json" -> "JSON 数据文件（不是报告原文）";
      case "md" -> "Markdown 文本";
      case "docx" -> "Word 文档（.docx）";
      case "pdf" -> "PDF";
      default -> format;
    };
  }

  /** Data, not a document: starts with { or [ and its first key or value follows at once. */
  private static boolean looksLikeJson(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    if (i >= bytes.length || (bytes[i] != '{' && bytes[i] != '[')) {
      return false;
    }
    i++;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    return i < bytes.length && (bytes[i] == '"' || bytes[i] == '[' || bytes[i] == '{' || bytes[i] == ']'
        || bytes[i] == '}');
  }

  private static boolean has(byte[] bytes, int... magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((bytes[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An OLE compound file: old Word, Excel, PowerPoint, WPS, or an encrypted OOXML document. The stream names
   * sit in the directory as UTF-16LE; a look through the first megabyte finds them in practice.
   */
  private static String compoundKind(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.UTF_16LE);
    String odd = bytes.length > 1 ? new String(bytes, 1, Math.min(bytes.length - 1, 1 << 20), StandardCharsets.UTF_16LE) : "";
    String names = head + "\n" + odd;
    if (names.contains("EncryptedPackage")) {
      return "encrypted-office";
    }
    if (names.contains("WordDocument")) {
      return "doc";
    }
    if (names.contains("Workbook") || names.contains("Book")) {
      return "xls";
    }
    if (names.contains("PowerPoint Document")) {
      return "ppt";
    }
    if (names.contains("WpsContent") || names.contains("WPS")) {
      return "wps";
    }
    return "doc";
  }

  /** A zip is DOCX when it carries word/document.xml, XLSX when xl/workbook.xml; the names sit in clear text. */
  private static String zipKind(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.ISO_8859_1);
    if (head.contains("word/")) {
      return "docx";
    }
    if (head.contains("xl/")) {
      return "xlsx";
    }
    if (head.contains("ppt/")) {
      return "pptx";
    }
    if (head.contains("OFD.xml")) {
      return "ofd";
    }
    return "zip";
  }

  private static boolean looksLikeHtml(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < head.length() && (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == 0xEF
        || head.charAt(i) == 0xBB || head.charAt(i) == 0xBF)) {
      i++;
    }
    String start = head.substring(i);
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml")
        && head.contains("<html") || start.startsWith("<head") || start.startsWith("<meta")
        || start.startsWith("<!--") && head.contains("<html");
  }
}

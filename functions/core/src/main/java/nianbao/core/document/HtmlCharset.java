package nianbao.core.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A web page's text: its BOM, else its declared charset, else strict detection like {@link TextReader}'s. */
final class HtmlCharset {
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  private HtmlCharset() {}

  /** BOM, then the declared charset, then strict UTF-8 / GB18030 detection. Never decodes into mojibake. */
  static TextReader.Decoded decode(byte[] bytes) throws UnreadableDocumentException {
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        || bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
            || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
      return TextReader.decode(bytes);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    if (m.find()) {
      Charset declared = charset(m.group(1));
      if (declared != null) {
        String text = strict(bytes, declared);
        if (text == null && isGbFamily(declared)) {
          text = strict(bytes, TextReader.GB18030); // GBK and GB2312 pages routinely use GB18030-only characters
        }
        if (text != null) {
          return new TextReader.Decoded(text, declared.name());
        }
      }
      // a declared charset that is wrong (common: gb2312 declared on a UTF-8 page) falls through to detection
    }
    try {
      return TextReader.decode(bytes);
    } catch (UnreadableDocumentException e) {
      throw new UnreadableDocumentException(HtmlReader.FORMAT, "无法识别网页的文字编码（声明的字符集与内容不符，也不是 UTF-8 或 GB18030）");
    }
  }

  private static boolean isGbFamily(Charset c) {
    String n = c.name().toUpperCase(Locale.ROOT);
    return n.equals("GBK") || n.equals("GB2312") || n.equals("GB18030") || n.equals("X-GBK");
  }

  private static Charset charset(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("gb2312") || n.equals("x-gbk") || n.equals("cp936") || n.equals("gb_2312-80")) {
      n = "gbk";
    }
    try {
      return Charset.forName(n);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The bytes decoded as the charset, or null where they are not valid in it. */
  static String strict(byte[] bytes, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

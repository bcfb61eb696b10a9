package nianbao.core.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain text: UTF-8 with or without BOM, UTF-16 with BOM (or plainly UTF-16 by its zero bytes), GB18030/GBK.
 * Decoding is strict — a byte sequence that is not valid in the chosen charset is never turned into
 * replacement characters, so a report is either read right or rejected, never mojibake.
 */
public final class TextReader implements DocumentReader {
  public static final String FORMAT = "txt";
  static final Charset GB18030 = Charset.forName("GB18030");
  /** Character loops check the deadline once per this many characters (a power of two, minus one). */
  static final int CHECK_EVERY = (1 << 16) - 1;

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "txt/2"; // 2: tags and entities left in a text's title are blanked (InlineMarkup)
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    Decoded decoded = decode(bytes);
    List<Block> blocks = new ArrayList<>();
    String text = InlineMarkup.blankHead(decoded.text());
    int start = 0;
    int n = text.length();
    // line ends found by indexOf rather than by a test at every character
    int lf = text.indexOf('\n');
    int cr = text.indexOf('\r');
    int checkAt = 0;
    for (int i = earlier(lf, cr); i >= 0; i = earlier(lf, cr)) {
      if (i >= checkAt) {
        Deadline.check();
        checkAt = i + CHECK_EVERY;
      }
      blocks.add(new Paragraph(text.substring(start, i), new Origin.SourceText(start)));
      if (text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i++;
      }
      start = i + 1;
      if (lf >= 0 && lf < start) {
        lf = text.indexOf('\n', start);
      }
      if (cr >= 0 && cr < start) {
        cr = text.indexOf('\r', start);
      }
    }
    if (start < n) {
      blocks.add(new Paragraph(text.substring(start), new Origin.SourceText(start)));
    }
    return new Document(FORMAT, decoded.charset(), version(), blocks);
  }

  /** The earlier of two places, either −1 for none. */
  private static int earlier(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  /** Decoded text and the name of the charset that decoded it. */
  public record Decoded(String text, String charset) {}

  /** Decodes text bytes, detecting the charset; rejects binary content. */
  public static Decoded decode(byte[] bytes) throws UnreadableDocumentException {
    if (bytes.length == 0) {
      throw new UnreadableDocumentException(FORMAT, "文件为空");
    }
    Decoded decoded;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      decoded = strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8");
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      decoded = strict(bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      decoded = strict(bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
    } else {
      Charset utf16 = utf16WithoutBom(bytes);
      if (utf16 != null) {
        decoded = strict(bytes, 0, utf16, utf16.name());
      } else {
        decoded = utf8(bytes);
        if (decoded != null) {
          return rejectBinary(decoded, utf8Controls(bytes, decoded.text()));
        }
        decoded = strict(bytes, 0, GB18030, "GB18030");
      }
    }
    if (decoded == null) {
      throw new UnreadableDocumentException(FORMAT, "无法识别文字编码（既不是 UTF-8/UTF-16，也不是 GB18030/GBK）");
    }
    return rejectBinary(decoded, controls(decoded.text()));
  }

  private static Decoded rejectBinary(Decoded decoded, int controls) throws UnreadableDocumentException {
    if (looksBinary(controls, decoded.text().length())) {
      throw new UnreadableDocumentException("binary", "不是文本文件：内容含大量控制字符（二进制数据）");
    }
    Decoded repaired = Mojibake.repair(decoded);
    return repaired != null ? repaired : decoded;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF-16 without a BOM shows as a zero byte in every other position for ASCII (and none in CJK-only text). */
  private static Charset utf16WithoutBom(byte[] bytes) {
    int sample = Math.min(bytes.length, 4096) & ~1;
    if (sample < 4) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < sample; i += 2) {
      if (bytes[i] == 0) {
        evenZeros++;
      }
      if (bytes[i + 1] == 0) {
        oddZeros++;
      }
    }
    int pairs = sample / 2;
    if (oddZeros > pairs / 4 && evenZeros == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros > pairs / 4 && oddZeros == 0) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /**
   * UTF-8 through the JDK's intrinsic decoder (far faster than a CharsetDecoder); bytes that were not valid
   * UTF-8 show as U+FFFD, which valid input only has where its bytes spell EF BF BD.
   */
  private static Decoded utf8(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0 && !spellsReplacementCharacter(bytes)) {
      return null;
    }
    return new Decoded(text, "UTF-8");
  }

  private static boolean spellsReplacementCharacter(byte[] bytes) {
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] == (byte) 0xEF && bytes[i + 1] == (byte) 0xBF && bytes[i + 2] == (byte) 0xBD) {
        return true;
      }
    }
    return false;
  }

  private static Decoded strict(byte[] bytes, int offset, Charset charset, String name) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return new Decoded(chars.toString(), name);
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** More than 1% control characters (other than tab, newlines, form feed) is not a text document. */
  private static boolean looksBinary(int controls, int length) {
    return controls > 0 && controls * 100 > length;
  }

  /** The control characters of a text, as {@link #looksBinary} counts them. */
  private static int controls(String text) {
    int controls = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((i & CHECK_EVERY) == 0) {
        Deadline.check();
      }
      if (isControl(c) || c == 0xFFFD) {
        controls++;
      }
    }
    return controls;
  }

  /**
   * {@link #controls} of a text decoded from UTF-8, counted on its bytes: a character below 0x80 is one byte of the
   * same value and every byte of a longer character is 0x80 or above, so the bytes give the same count without a
   * pass over the characters (which cost as much as the decoding). U+FFFD, only where the bytes spell it, is counted
   * on the text.
   */
  private static int utf8Controls(byte[] bytes, String text) {
    int controls = 0;
    for (int i = 0; i < bytes.length; i++) {
      if ((i & CHECK_EVERY) == 0) {
        Deadline.check();
      }
      if (isControl((char) bytes[i])) { // a byte of 0x80 or above widens to a char above 0xFF7F: no control
        controls++;
      }
    }
    for (int at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
      controls++;
    }
    return controls;
  }

  private static boolean isControl(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F;
  }
}

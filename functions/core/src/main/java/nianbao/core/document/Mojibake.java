package nianbao.core.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that a tool decoded with the wrong charset and saved again as UTF-8: a GBK page read as Latin-1 or Windows-1252
 * ("ÉèÎªÊ×Ò³" for 设为首页), or UTF-8 read so ("å¹´" for 年). Such a file has almost no Chinese characters and many
 * Latin-1 letters; turned back into the bytes the tool saw and decoded as GB18030 or UTF-8 it reads as written.
 * The repair is kept only when every character goes back to a byte, the bytes decode without error, and the result
 * is mostly Chinese — a French or German text stays as it is.
 */
final class Mojibake {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset GBK = Charset.forName("GBK");
  private static final int SAMPLE = 20_000;

  private Mojibake() {}

  /** The text as it was written, or null when it does not look mis-decoded or does not come back whole. */
  static TextReader.Decoded repair(TextReader.Decoded decoded) {
    String text = decoded.text();
    if (!looksMisDecoded(text)) {
      return null;
    }
    for (Charset seenAs : new Charset[] {StandardCharsets.ISO_8859_1, WINDOWS_1252}) {
      byte[] bytes = bytes(text, seenAs);
      if (bytes == null) {
        continue;
      }
      for (Charset written : new Charset[] {StandardCharsets.UTF_8, TextReader.GB18030}) {
        String again = HtmlCharset.strict(bytes, written);
        if (again != null && mostlyChinese(again)) {
          return new TextReader.Decoded(again, written.name() + " (repaired: saved as " + decoded.charset()
              + " after being read as " + seenAs.name() + ")");
        }
      }
      // a converter that also changed a few of the wrong characters (lower-cased them in an anchor id, dropped a
      // soft hyphen) leaves bytes that no longer pair: those characters are lost (U+FFFD), the rest comes back.
      // GBK, not GB18030: in GBK a digit is never part of a character, so no figure can be swallowed by a
      // broken pair (GB18030's four-byte characters take digits as their second and fourth bytes).
      String lenient = new String(bytes, GBK);
      int lost = 0;
      for (int i = 0; i < lenient.length(); i++) {
        if (lenient.charAt(i) == '\uFFFD') {
          lost++;
        }
      }
      if (lost * 50 <= lenient.length() && mostlyChinese(lenient)) {
        return new TextReader.Decoded(lenient, "GBK (repaired: saved as " + decoded.charset() + " after being read as "
            + seenAs.name() + "; " + lost + " characters lost)");
      }
    }
    return null;
  }

  /** Many Latin-1 letters (À–ÿ and the like) and hardly any Chinese character. */
  private static boolean looksMisDecoded(String text) {
    Letters letters = Letters.of(text);
    return letters.latin() >= 50 && letters.chinese() * 20 < letters.latin();
  }

  private static boolean mostlyChinese(String text) {
    Letters letters = Letters.of(text);
    return letters.chinese() >= 20 && letters.chinese() > 4 * letters.latin();
  }

  /** Latin-1 letters and Chinese characters among a text's first {@link #SAMPLE}. */
  private record Letters(int latin, int chinese) {
    static Letters of(String text) {
      int latin = 0;
      int chinese = 0;
      for (int i = 0, n = Math.min(text.length(), SAMPLE); i < n; i++) {
        char c = text.charAt(i);
        if (c >= 0x80 && c <= 0xFF) {
          latin++;
        } else if (isChinese(c)) {
          chinese++;
        }
      }
      return new Letters(latin, chinese);
    }
  }

  private static boolean isChinese(char c) {
    return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF;
  }

  private static byte[] bytes(String text, Charset seenAs) {
    CharsetEncoder encoder = seenAs.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[out.remaining()];
      out.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

}

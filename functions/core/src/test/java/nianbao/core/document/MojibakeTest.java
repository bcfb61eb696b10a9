package nianbao.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text a tool decoded with the wrong charset and saved again as UTF-8 reads as written. */
class MojibakeTest {
  private static final String REPORT = "新乡县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n"
      + "2022年度全县共受理政府信息依申请公开件13件，均已按相关要求和程序在规定时间内答复。\n"
      + "二、主动公开政府信息情况\n行政规范性文件\t3\t0\t101\n".repeat(3);

  /** The bytes written in one charset, read as another, saved as UTF-8. */
  private static byte[] misDecoded(String text, Charset written, Charset readAs) {
    return new String(text.getBytes(written), readAs).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aGbkPageReadAsLatin1ReadsAsWritten() throws Exception {
    TextReader.Decoded d = TextReader.decode(misDecoded(REPORT, Charset.forName("GBK"), StandardCharsets.ISO_8859_1));
    assertEquals(REPORT, d.text());
    assertTrue(d.charset().startsWith("GB18030 (repaired"), d.charset());
  }

  @Test
  void utf8ReadAsLatin1ReadsAsWritten() throws Exception {
    TextReader.Decoded d = TextReader.decode(misDecoded(REPORT, StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1));
    assertEquals(REPORT, d.text());
  }

  @Test
  void aFewCharactersAConverterChangedAreLostButNoFigure() throws Exception {
    String wrong = new String(REPORT.getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
    // a converter changed one wrong character (a stray lead byte before a line break): that pair no longer decodes
    String changed = wrong.replaceFirst("\n", "\u00AA\n");
    TextReader.Decoded d = TextReader.decode(changed.getBytes(StandardCharsets.UTF_8));
    assertTrue(d.charset().startsWith("GBK (repaired"), d.charset());
    assertEquals(REPORT.replaceAll("[^0-9]", ""), d.text().replaceAll("[^0-9]", ""), "every figure as written");
  }

  @Test
  void latinTextIsLeftAsItIs() throws Exception {
    String french = "Rapport annuel — données générales, état des lieux, échéances à préciser. ".repeat(20);
    assertEquals(french, TextReader.decode(french.getBytes(StandardCharsets.UTF_8)).text());
  }
}

package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nianbao.core.document.layout.PositionedWord;
import org.junit.jupiter.api.Test;

class TsvWordsTest {
  /** Rows as Tesseract 5 writes them (chi_sim, --psm 6): a line, its words, one a comma. */
  private static final String TSV = """
      level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
      1\t1\t0\t0\t0\t0\t0\t0\t2481\t3508\t-1\t
      2\t1\t1\t0\t0\t0\t237\t281\t2124\t3074\t-1\t
      3\t1\t1\t1\t0\t0\t237\t281\t2124\t3074\t-1\t
      4\t1\t1\t1\t1\t0\t238\t281\t847\t48\t-1\t
      5\t1\t1\t1\t1\t1\t238\t283\t63\t45\t92.766075\t收到
      5\t1\t1\t1\t1\t2\t307\t310\t12\t16\t89.195930\t,
      5\t1\t1\t1\t1\t3\t351\t282\t34\t47\t90.159325\t13
      5\t1\t1\t1\t1\t4\t400\t282\t34\t47\t95.0\t\s
      """;

  @Test
  void wordsKeepTheirBoxAndConfidenceAndASliverTakesItsLine() {
    List<TsvWords.Word> words = TsvWords.parse(TSV);

    assertEquals(3, words.size(), "blank words are left out");
    assertEquals(new TsvWords.Word("收到", 238, 283, 63, 45, 0.92766075f, 1_001_001L), words.get(0));
    TsvWords.Word comma = words.get(1);
    assertEquals(281, comma.top(), "a comma stands on its line");
    assertEquals(48, comma.height());
    assertEquals("13", words.get(2).text());
  }

  @Test
  void pixelsBecomePointsOfThePage() {
    TsvWords.Word w = new TsvWords.Word("13", 300, 600, 30, 45, 0.9f, 1);

    PositionedWord p = TsvWords.positioned(w, 2, 72f / 300, 100, 0);

    assertEquals(2, p.page());
    assertEquals(96f, p.left(), 0.01f);
    assertEquals(144f, p.top(), 0.01f);
    assertEquals(103.2f, p.right(), 0.01f);
    assertEquals(154.8f, p.baseline(), 0.01f);
    assertEquals(0.9f, p.confidence(), 1e-6);
  }

  @Test
  void textThatIsNotTsvIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TsvWords.parse("Error opening data file"));
    assertThrows(IllegalArgumentException.class, () -> TsvWords.parse("level\tpage_num\n5\t1\t1"));
  }
}

package nianbao.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nianbao.core.document.layout.PositionedWord;
import nianbao.core.document.layout.Ruling;
import org.junit.jupiter.api.Test;

class RecognisedPageTest {
  @Test
  void aPageComesBackFromItsJsonAsItWas() {
    RecognisedPage page = new RecognisedPage(3, 595.3f, 841.9f,
        List.of(PositionedWord.recognised("本年新收", 3, 72.5f, 100f, 48f, 12f, 0.93f),
            PositionedWord.recognised("13", 3, 300f, 100.25f, 12f, 11.5f, 0.71f)),
        List.of(new Ruling(true, 90f, 70f, 520f), new Ruling(false, 70f, 90f, 400f)), 1234);

    RecognisedPage back = RecognisedPage.fromJson(page.toJson());

    assertEquals(page, back);
  }

  @Test
  void jsonThatIsNoPageIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RecognisedPage.fromJson("{\"page\":1}"));
    assertThrows(IllegalArgumentException.class, () -> RecognisedPage.fromJson("not json"));
  }
}

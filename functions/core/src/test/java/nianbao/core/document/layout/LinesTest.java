package nianbao.core.document.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinesTest {
  private static List<String> texts(List<TextLine> lines) {
    return lines.stream().map(TextLine::text).toList();
  }

  @Test
  void glyphsInAnyOrderMakeLinesTopToBottomLeftToRight() {
    List<PositionedWord> words = Words.all(Words.glyphs(1, "第二行", 50, 140), Words.glyphs(1, "第一行文字", 50, 120));
    List<PositionedWord> shuffled = new ArrayList<>(words);
    Collections.shuffle(shuffled, new Random(7));
    assertEquals(List.of("第一行文字", "第二行"), texts(Lines.of(shuffled)));
  }

  @Test
  void aBaselineJitterOfLessThanHalfTheSizeIsTheSameLine() {
    List<PositionedWord> words = Words.all(Words.glyphs(1, "上标", 50, 120), Words.glyphs(1, "正文", 70, 123));
    assertEquals(List.of("上标正文"), texts(Lines.of(words)));
  }

  @Test
  void aGapWiderThanACharacterIsASpace() {
    List<PositionedWord> words = Words.row(1, 120, "规章", 50, "0", 200, "12", 260);
    TextLine line = Lines.of(words).get(0);
    assertEquals("规章 0 12", line.text());
    assertEquals(50, line.left());
    assertEquals(280, line.right());
    assertEquals(words.size(), line.words().size());
  }

  @Test
  void blankGlyphsNeitherMakeALineNorWidenOne() {
    List<PositionedWord> words = Words.all(Words.glyphs(1, "   ", 50, 100), Words.glyphs(1, "  文字  ", 50, 120));
    List<TextLine> lines = Lines.of(words);
    assertEquals(List.of("文字"), texts(lines));
    assertEquals(70, lines.get(0).left());
    assertEquals(90, lines.get(0).right());
  }

  @Test
  void ocrWordsMakeLinesToo() {
    List<PositionedWord> words = List.of(
        PositionedWord.recognised("行政许可", 1, 50, 110, 40, 10, 0.93f),
        PositionedWord.recognised("0", 1, 200, 111, 5, 10, 0.88f),
        PositionedWord.recognised("信息内容", 1, 50, 90, 40, 10, 0.96f));
    assertEquals(List.of("信息内容", "行政许可 0"), texts(Lines.of(words)));
  }

  @Test
  void joinedLinesAreOneWrappedText() {
    List<TextLine> lines = Lines.of(Words.all(Words.glyphs(1, "（二）部分公开（区分处理的，只计这一情", 0, 10),
        Words.glyphs(1, "形，不计其他情形）", 0, 24)));
    assertEquals("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Lines.joined(lines));
  }
}

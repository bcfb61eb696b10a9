package nianbao.core.document.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nianbao.core.document.Block;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import org.junit.jupiter.api.Test;

class PageFlowTest {
  private static final float HEIGHT = 800;

  @Test
  void wrappedLinesAreOneParagraphAndAShortLineEndsIt() {
    List<PositionedWord> words = Words.all(
        Words.glyphs(1, "一、总体情况", 0, 100),
        Words.glyphs(1, "二〇二二年，本机关认真贯彻落实条例，", 0, 120),
        Words.glyphs(1, "扎实推进政务公开。", 0, 134),
        Words.glyphs(1, "二、主动公开政府信息情况", 0, 154));
    List<Block> blocks = PageFlow.blocks(List.of(PageLayout.of(words, List.of(), HEIGHT)));
    assertEquals(List.of(new Paragraph("一、总体情况"), new Paragraph("二〇二二年，本机关认真贯彻落实条例，扎实推进政务公开。"),
        new Paragraph("二、主动公开政府信息情况")), blocks);
  }

  @Test
  void aPageNumberInTheMarginIsLeftOut() {
    List<PositionedWord> words = Words.all(Words.glyphs(1, "正文", 0, 100), Words.glyphs(1, "— 3 —", 100, 780));
    assertEquals(List.of(new Paragraph("正文")), PageFlow.blocks(List.of(PageLayout.of(words, List.of(), HEIGHT))));
  }

  @Test
  void aTableEndingAPageAndOneStartingTheNextWithTheSameEdgesAreOneTable() {
    float[] xs = {0, 100, 150};
    PageLayout first = PageLayout.of(Words.all(Words.glyphs(1, "三、收到和处理政府信息公开申请情况", 0, 600),
        Words.row(1, 715, "本年新收", 5, "13", 110), Words.row(1, 735, "上年结转", 5, "0", 110)),
        Words.grid(xs, new float[] {700, 720, 740}), HEIGHT);
    PageLayout second = PageLayout.of(Words.all(Words.row(2, 35, "予以公开", 5, "8", 110),
        Words.glyphs(2, "四、政府信息公开行政复议、行政诉讼情况", 0, 100)),
        Words.grid(xs, new float[] {20, 40}), HEIGHT);
    List<Block> blocks = PageFlow.blocks(List.of(first, second));
    assertEquals(List.of(new Paragraph("三、收到和处理政府信息公开申请情况"),
        new Table(List.of(List.of("本年新收", "13"), List.of("上年结转", "0"), List.of("予以公开", "8"))),
        new Paragraph("四、政府信息公开行政复议、行政诉讼情况")), blocks);
  }

  @Test
  void tablesWithOtherEdgesStayApart() {
    PageLayout first = PageLayout.of(Words.row(1, 715, "甲", 5, "1", 110),
        Words.grid(new float[] {0, 100, 150}, new float[] {700, 720}), HEIGHT);
    PageLayout second = PageLayout.of(Words.row(2, 35, "乙", 5, "2", 110),
        Words.grid(new float[] {0, 100, 300}, new float[] {20, 40}), HEIGHT);
    assertEquals(2, PageFlow.blocks(List.of(first, second)).size());
  }

  @Test
  void aRowWhoseLabelThePageBreakCutIsJoinedAgain() {
    float[] xs = {0, 100, 150};
    PageLayout first = PageLayout.of(Words.all(Words.row(1, 735, "1.逾期未", 5, "0", 110)),
        Words.grid(xs, new float[] {720, 740}), HEIGHT);
    PageLayout second = PageLayout.of(Words.all(Words.glyphs(2, "不补正", 5, 35), Words.row(2, 55, "2.重复申请", 5, "1", 110)),
        Words.grid(xs, new float[] {20, 40, 60}), HEIGHT);
    List<Block> blocks = PageFlow.blocks(List.of(first, second));
    assertEquals(List.of(new Table(List.of(List.of("1.逾期未不补正", "0"), List.of("2.重复申请", "1")))), blocks);
  }

  @Test
  void aMergedLabelCutByThePageBreakIsOneCellAgain() {
    float[] xs = {0, 50, 100, 150};
    // 三、本年度办理结果 spans the rows on both pages, with no border at the cut
    List<Ruling> top = new java.util.ArrayList<>(List.of(new Ruling(true, 700, 0, 150), new Ruling(true, 720, 50, 150)));
    for (float x : xs) {
      top.add(new Ruling(false, x, 700, 740));
    }
    top.add(new Ruling(true, 740, 50, 150));
    List<Ruling> bottom = new java.util.ArrayList<>(List.of(new Ruling(true, 20, 50, 150), new Ruling(true, 40, 0, 150)));
    for (float x : xs) {
      bottom.add(new Ruling(false, x, 20, 40));
    }
    PageLayout first = PageLayout.of(Words.all(Words.glyphs(1, "三、", 5, 715), Words.row(1, 715, "予以", 55, "8", 110),
        Words.row(1, 735, "部分", 55, "1", 110)), top, HEIGHT);
    PageLayout second = PageLayout.of(Words.all(Words.glyphs(2, "结果", 5, 35), Words.row(2, 35, "总计", 55, "9", 110)),
        bottom, HEIGHT);
    List<Block> blocks = PageFlow.blocks(List.of(first, second));
    assertEquals(List.of(new Table(List.of(List.of("三、结果", "予以", "8"), List.of("", "部分", "1"),
        List.of("", "总计", "9")))), blocks);
  }
}

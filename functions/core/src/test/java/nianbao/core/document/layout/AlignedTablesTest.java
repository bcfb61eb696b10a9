package nianbao.core.document.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nianbao.core.document.Block;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;
import org.junit.jupiter.api.Test;

/** Tables without ruling lines, rebuilt from hand-built words: numbers in columns, labels to their left. */
class AlignedTablesTest {
  private static final float HEIGHT = 800;

  private static List<Block> read(List<PositionedWord> words) {
    return PageFlow.blocks(List.of(PageLayout.of(words, List.of(), HEIGHT)));
  }

  @Test
  void numbersStandingInColumnsAreATableWithItsHeader() {
    List<Block> blocks = read(Words.all(
        Words.glyphs(1, "三、收到和处理政府信息公开申请情况", 0, 100),
        Words.row(1, 120, "自然人", 190, "商业企业", 240, "总计", 300),
        Words.row(1, 134, "一、本年新收", 0, "13", 200, "2", 255, "15", 305),
        Words.row(1, 148, "二、上年结转", 0, "0", 205, "0", 255, "0", 305),
        Words.glyphs(1, "四、政府信息公开行政复议、行政诉讼情况", 0, 180)));
    assertEquals(List.of(
        new Paragraph("三、收到和处理政府信息公开申请情况"),
        new Table(List.of(
            List.of("", "自然人", "商业企业", "总计"),
            List.of("一、本年新收", "13", "2", "15"),
            List.of("二、上年结转", "0", "0", "0"))),
        new Paragraph("四、政府信息公开行政复议、行政诉讼情况")), blocks);
  }

  @Test
  void aBlankCellStaysBlankInItsColumn() {
    List<Block> blocks = read(Words.all(
        Words.row(1, 134, "本年新收", 0, "13", 200, "2", 255, "15", 305),
        Words.row(1, 148, "上年结转", 0, "1", 205, "0", 255),
        Words.row(1, 162, "予以公开", 0, "4", 205, "1", 255, "5", 305)));
    assertEquals(List.of(new Table(List.of(
        List.of("本年新收", "13", "2", "15"),
        List.of("上年结转", "1", "0", ""),
        List.of("予以公开", "4", "1", "5")))), blocks);
  }

  @Test
  void aLabelWrappedAroundItsNumbersIsOneLabel() {
    List<Block> blocks = read(Words.all(
        Words.row(1, 120, "1.属于国家秘密", 0, "0", 205, "0", 255),
        Words.glyphs(1, "（二）部分公开（区分处理的", 0, 131),
        Words.row(1, 138, "0", 205, "1", 255),
        Words.glyphs(1, "只计这一情形）", 0, 145),
        Words.row(1, 160, "2.重复申请", 0, "3", 205, "0", 255)));
    assertEquals(List.of(new Table(List.of(
        List.of("1.属于国家秘密", "0", "0"),
        List.of("（二）部分公开（区分处理的只计这一情形）", "0", "1"),
        List.of("2.重复申请", "3", "0")))), blocks);
  }

  @Test
  void oneRowOfManyNumbersIsATable() {
    List<Block> blocks = read(Words.all(
        Words.row(1, 120, "维持", 0, "纠正", 50, "其他", 100, "总计", 150),
        Words.row(1, 134, "1", 5, "0", 55, "2", 105, "3", 155)));
    assertEquals(List.of(new Table(List.of(
        List.of("维持", "纠正", "其他", "总计"),
        List.of("1", "0", "2", "3")))), blocks);
  }

  @Test
  void numbersThatDoNotKeepToColumnsStayLines() {
    // the second row's numbers stand where the first row has none: no consistent columns, no invented cells
    List<Block> blocks = read(Words.all(
        Words.row(1, 120, "本年新收", 0, "13", 200, "2", 300),
        Words.row(1, 134, "上年结转", 0, "1", 250, "0", 350)));
    assertTrue(blocks.stream().allMatch(b -> b instanceof Paragraph), blocks.toString());
  }

  @Test
  void proseWithFiguresIsNoTable() {
    List<Block> blocks = read(Words.all(
        Words.glyphs(1, "2022年共收到申请13件，办结12件。", 0, 120),
        Words.row(1, 134, "联系电话", 0, "0591", 100, "12345678", 150)));
    assertTrue(blocks.stream().allMatch(b -> b instanceof Paragraph), blocks.toString());
  }

  @Test
  void aTableContinuedOnTheNextPageIsOneTable() {
    PageLayout first = PageLayout.of(Words.all(
        Words.row(1, 700, "本年新收", 0, "13", 200, "2", 255),
        Words.row(1, 714, "上年结转", 0, "1", 205, "0", 255)), List.of(), HEIGHT);
    PageLayout second = PageLayout.of(Words.all(
        Words.row(2, 60, "予以公开", 30, "4", 205, "1", 255),
        Words.row(2, 74, "部分公开", 30, "0", 205, "0", 255)), List.of(), HEIGHT);
    assertEquals(List.of(new Table(List.of(
        List.of("本年新收", "13", "2"),
        List.of("上年结转", "1", "0"),
        List.of("予以公开", "4", "1"),
        List.of("部分公开", "0", "0")))), PageFlow.blocks(List.of(first, second)));
  }

  @Test
  void ocrWordsMakeTheSameTable() {
    List<PositionedWord> words = List.of(
        PositionedWord.recognised("本年新收", 1, 0, 124, 40, 10, 0.95f),
        PositionedWord.recognised("13", 1, 200, 124, 10, 10, 0.91f),
        PositionedWord.recognised("2", 1, 255, 125, 5, 10, 0.90f),
        PositionedWord.recognised("上年结转", 1, 0, 138, 40, 10, 0.96f),
        PositionedWord.recognised("0", 1, 203, 138, 5, 10, 0.93f),
        PositionedWord.recognised("0", 1, 255, 139, 5, 10, 0.92f));
    assertEquals(List.of(new Table(List.of(List.of("本年新收", "13", "2"), List.of("上年结转", "0", "0")))),
        read(words));
  }
}

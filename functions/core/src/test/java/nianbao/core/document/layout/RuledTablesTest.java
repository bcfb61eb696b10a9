package nianbao.core.document.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuledTablesTest {
  @Test
  void crossingRulingsMakeAGridWithTheWordsInTheirCells() {
    float[] xs = {0, 100, 150, 200};
    float[] ys = {0, 20, 40};
    List<PositionedWord> words = Words.all(
        Words.row(1, 15, "信息内容", 5, "件数", 105, "总计", 155),
        Words.row(1, 35, "规章", 5, "3", 120, "4", 170));
    List<GridTable> tables = RuledTables.find(Words.grid(xs, ys), words);
    assertEquals(1, tables.size());
    assertEquals(List.of(List.of("信息内容", "件数", "总计"), List.of("规章", "3", "4")), tables.get(0).toTable().rows());
  }

  @Test
  void aMissingBorderMergesCellsAndAWrappedLabelIsOneText() {
    // the label cell spans two rows (no border under it), the header spans two columns (no border between)
    List<Ruling> rulings = new ArrayList<>(List.of(
        new Ruling(true, 0, 0, 200), new Ruling(true, 20, 100, 200), new Ruling(true, 40, 0, 200),
        new Ruling(false, 0, 0, 40), new Ruling(false, 100, 0, 40), new Ruling(false, 150, 20, 40),
        new Ruling(false, 200, 0, 40)));
    List<PositionedWord> words = Words.all(
        Words.glyphs(1, "本年度", 5, 15), Words.glyphs(1, "办理结果", 5, 35),
        Words.glyphs(1, "申请人情况", 110, 15),
        Words.row(1, 35, "1", 120, "2", 170));
    GridTable table = RuledTables.find(rulings, words).get(0);
    assertEquals(List.of(
        List.of("本年度办理结果", "申请人情况", ""),
        List.of("", "1", "2")), table.toTable().rows());
    GridCell label = table.cells().get(0);
    assertEquals(0, label.r0());
    assertEquals(1, label.r1());
  }

  @Test
  void piecesOfOneBorderAreOneRuling() {
    // office suites draw a row's border cell by cell
    List<Ruling> rulings = new ArrayList<>(Words.grid(new float[] {0, 100}, new float[] {0, 20}));
    rulings.removeIf(r -> r.horizontal() && r.at() == 0);
    rulings.add(new Ruling(true, 0, 0, 50));
    rulings.add(new Ruling(true, 0.5f, 51, 100));
    List<GridTable> tables = RuledTables.find(rulings, Words.glyphs(1, "文字", 5, 15));
    assertEquals(List.of(List.of("文字")), tables.get(0).toTable().rows());
  }

  @Test
  void aBoxAroundNothingIsNoTable() {
    assertTrue(RuledTables.find(Words.box(0, 0, 100, 20), Words.glyphs(1, "外面", 5, 50)).isEmpty());
  }

  @Test
  void lonelyLinesAreNoTable() {
    List<Ruling> rulings = List.of(new Ruling(true, 10, 0, 100), new Ruling(true, 30, 0, 100),
        new Ruling(false, 300, 0, 40));
    assertTrue(RuledTables.find(rulings, Words.glyphs(1, "文字", 5, 25)).isEmpty());
  }
}

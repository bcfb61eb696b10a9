package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;

/**
 * Table A (主动公开政府信息情况), on the 2021 or the 2019 template, its rows wherever they stand in section 二
 * ({@link TableARows}). Its rows have no arithmetic of their own, so digits run together are split only by what
 * else is known ({@link RunTogetherFigures}); otherwise the cells stay null and S2 says so.
 */
final class ProactiveRecogniser {
  static final String SECTION = "二";

  static final List<RowSpec> ROWS_2021 = List.of(
      RowSpec.of("regulations", 0, 3, "规章"),
      RowSpec.of("normativeDocuments", 0, 3, "规范性文件"),
      RowSpec.of("licensing", 0, 1, "行政许可"),
      RowSpec.of("punishment", 0, 1, "行政处罚"),
      RowSpec.of("enforcement", 0, 1, "行政强制"),
      RowSpec.of("fees", 0, 1, "事业性收费"));

  static final List<RowSpec> ROWS_2019 = List.of(
      RowSpec.of("regulations", 0, 3, "规章"),
      RowSpec.of("normativeDocuments", 0, 3, "规范性文件"),
      RowSpec.of("licensing", 0, 3, "行政许可"),
      RowSpec.of("otherServices", 0, 3, "对外管理服务"),
      RowSpec.of("punishment", 0, 3, "行政处罚"),
      RowSpec.of("enforcement", 0, 3, "行政强制"),
      RowSpec.of("fees", 0, 2, "事业性收费"),
      RowSpec.of("procurement", 0, 2, "集中采购"));

  record Result(Proactive table, boolean found, Integer feeDecimals) {}

  private ProactiveRecogniser() {}

  /** Whether section 二's header is the 2019 one (本年新制作数量, 上一年项目数量, 政府集中采购…). */
  static Boolean is2019Layout(FlatText flat, int from, int to) {
    String region = flat.compact.substring(flat.compactPos(from), flat.compactPos(to));
    if (region.contains("新制作") || region.contains("对外公开总数") || region.contains("上一年项目")
        || region.contains("集中采购")) {
      return true;
    }
    if (region.contains("制发件数") || region.contains("现行有效") || region.contains("废止件数")) {
      return false;
    }
    return null;
  }

  static Result recognise(FlatText flat, int from, int to, boolean layout2019,
      RunTogetherFigures.Evidence evidence,
      RecognitionNotes notes) {
    List<RowSpec> specs = layout2019 ? ROWS_2019 : ROWS_2021;
    // Rows start after the first "第二十条" header where there is one, so the narrative above never counts.
    int tableStart = flat.compact.indexOf("第二十条", flat.compactPos(from));
    int start = tableStart >= 0 && tableStart < flat.compactPos(to) ? flat.textPos(tableStart) : from;
    LabelFinder.Hit[] hits = TableARows.find(flat, from, start, to, specs, SECTION, notes);
    List<String> detachedRepealed = layout2019 ? null : TableARows.detachedRepealed(flat, from, to);
    List<String[]> rows = new ArrayList<>();
    List<List<String>> printed = new ArrayList<>();
    List<long[]> spans = new ArrayList<>();
    boolean any = false;
    CellSolver.Budget budget = CellSolver.Budget.forTable();
    RunTogetherFigures splitter = new RunTogetherFigures(new RunTogetherFigures.Evidence(evidence.figures(),
        layout2019 ? List.of() : evidence.stated(), evidence.previousYear(), evidence.year()));
    for (int r = 0; r < specs.size(); r++) {
      RowSpec spec = specs.get(r);
      if (hits[r] == null) {
        notes.missing(Location.row(SECTION, spec.key()));
        rows.add(new String[spec.cells()]);
        printed.add(List.of());
        spans.add(new long[spec.cells()]);
        continue;
      }
      any = true;
      List<String> tokens = ValueScanner.scan(flat.text, hits[r].labelEnd(), hits[r].valuesEnd(), 0);
      if (detachedRepealed != null && r < 2 && tokens.size() == 2 && tokens.stream().allMatch(t -> t != null)) {
        String repealed = detachedRepealed.get(r);
        notes.assume(Location.row(SECTION, spec.key()), "“本年废止件数”一列印在表格之外（"
            + RecognitionNotes.join(detachedRepealed) + "），按行序取 " + repealed + " 为本行的本年废止件数",
            tokens.get(0) + " " + repealed + " " + tokens.get(1), RecognitionNotes.join(tokens));
        Tokens withRepealed = new Tokens();
        withRepealed.addFrom(tokens, 0);
        withRepealed.addFrom(detachedRepealed, r);
        withRepealed.addFrom(tokens, 1);
        tokens = withRepealed;
      }
      CellSolver.Solution solution =
          CellSolver.solve(tokens, spec.cells(), CellSolver.Constraint.NONE, false, budget);
      RunTogetherFigures.Decision decision = splitter.decide(spec.key(), !layout2019 && r < 2, solution);
      String[] cells = decision.solution().agreed(spec.cells());
      if (decision.reason() != null) {
        notes.assume(Location.row(SECTION, spec.key()), "数字连写（" + RecognitionNotes.join(tokens) + "），"
            + decision.reason() + "拆分为 " + RecognitionNotes.join(List.of(cells)),
            RecognitionNotes.join(List.of(cells)), RecognitionNotes.join(tokens));
      } else {
        notes.placement(Location.row(SECTION, spec.key()), decision.solution(), tokens, cells);
      }
      rows.add(cells);
      printed.add(tokens);
      // table A's digits run together are split, whichever way was chosen: a cell may be a piece of a token
      spans.add(CellSpans.match(flat.text, tokens, cells, true));
    }
    Integer feeDecimals = feeDecimals(flat, start, to);
    Read read = new Read(rows, printed, spans, notes);
    Proactive table = layout2019 ? build2019(read) : build2021(read);
    return new Result(table, any, feeDecimals);
  }

  /** "保留4位小数" in the fee's header → 4. */
  private static Integer feeDecimals(FlatText flat, int from, int to) {
    String region = flat.compact.substring(flat.compactPos(from), flat.compactPos(to));
    int at = region.indexOf("位小数");
    if (at >= 2 && region.charAt(at - 2) == '留' && Character.isDigit(region.charAt(at - 1))) {
      return region.charAt(at - 1) - '0';
    }
    return null;
  }

  /** The rows' cells as read, the tokens each row was read from and each cell's span among them. */
  private record Read(List<String[]> rows, List<List<String>> printed, List<long[]> spans, RecognitionNotes notes) {
    Long count(int r, String row, String column, int c) {
      return notes.count(TemplateCell.of(Location.cell(SECTION, row, column)), rows.get(r)[c], printed.get(r),
          spans.get(r)[c]);
    }

    String decimal(int r, Location at, int c) {
      return notes.decimal(TemplateCell.of(at), rows.get(r)[c], printed.get(r), spans.get(r)[c]);
    }
  }

  private static Proactive2021 build2021(Read read) {
    return new Proactive2021(
        new Proactive2021.DocumentCounts(read.count(0, "regulations", "issued", 0),
            read.count(0, "regulations", "repealed", 1),
            read.count(0, "regulations", "inForce", 2)),
        new Proactive2021.DocumentCounts(read.count(1, "normativeDocuments", "issued", 0),
            read.count(1, "normativeDocuments", "repealed", 1),
            read.count(1, "normativeDocuments", "inForce", 2)),
        read.count(2, "licensing", null, 0),
        read.count(3, "punishment", null, 0),
        read.count(4, "enforcement", null, 0),
        read.decimal(5, Location.row(SECTION, "fees"), 0));
  }

  private static Proactive2019 build2019(Read read) {
    return new Proactive2019(
        publications(read, 0, "regulations"),
        publications(read, 1, "normativeDocuments"),
        items(read, 2, "licensing"),
        items(read, 3, "otherServices"),
        items(read, 4, "punishment"),
        items(read, 5, "enforcement"),
        new Proactive2019.FeeItems(read.count(6, "fees", "itemsLastYear", 0),
            read.count(6, "fees", "itemsChange", 1)),
        new Proactive2019.Procurement(read.count(7, "procurement", "items", 0),
            read.decimal(7, Location.cell(SECTION, "procurement", "amount"), 1)));
  }

  private static Proactive2019.Publications publications(Read read, int r, String key) {
    return new Proactive2019.Publications(read.count(r, key, "newlyMade", 0),
        read.count(r, key, "newlyPublished", 1), read.count(r, key, "publishedTotal", 2));
  }

  private static Proactive2019.Items items(Read read, int r, String key) {
    return new Proactive2019.Items(read.count(r, key, "itemsLastYear", 0),
        read.count(r, key, "itemsChange", 1), read.count(r, key, "decisions", 2));
  }
}

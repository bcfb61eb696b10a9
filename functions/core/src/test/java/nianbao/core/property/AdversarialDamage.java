package nianbao.core.property;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The damage PDF-to-text and PDF-to-Markdown conversions do to a report's tables, done to a report rendered in
 * the clean layout: each {@link Kind} is one thing a real conversion was seen to do. {@link #apply} works on the
 * rendered text's lines; {@code seed} chooses where (which row, which line), so a failure shrinks and replays.
 *
 * @param kinds the damage done, several at once
 * @param seed  where it is done
 */
record AdversarialDamage(Set<Kind> kinds, int seed) {

  enum Kind {
    /** Table B's label column printed as one block, then its numbers row by row (pdftotext -raw). */
    LABELS_APART,
    /** Table B's numbers printed first, then its label column. */
    NUMBERS_FIRST,
    /** A page footer ("— 3 —", "第 3 页 共 6 页") inside table B and inside table C. */
    FOOTERS,
    /** Table B cut in two, the second part under a header a converter invented ("数据1 … 数据7"). */
    SPLIT_WITH_INVENTED_HEADER,
    /** Table B cut in two, the second part under table B's header row again. */
    SPLIT_WITH_REPEATED_HEADER,
    /** The group label (（三）不予公开) as an extra leading cell on every row of its group. */
    GROUP_LABEL_CELLS,
    /** One outcome row's label with characters dropped ("2.其他法律行政止公开"). */
    DAMAGED_LABEL,
    /** One outcome row's label moved below the table, its numbers left in place. */
    LABEL_MOVED,
    /** Every table line as a Markdown pipe row, with a ruling under each table's first line. */
    MARKDOWN_PIPES
  }

  static Arbitrary<AdversarialDamage> any() {
    return Combinators.combine(Arbitraries.subsetOf(Kind.values()).ofMinSize(1).ofMaxSize(4),
        Arbitraries.integers().between(0, 1_000_000)).as((kinds, seed) -> new AdversarialDamage(
            kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds), seed));
  }

  private static final String TABLE_B = "三、收到和处理政府信息公开申请情况";
  private static final String TABLE_C = "四、政府信息公开行政复议、行政诉讼情况";
  private static final String AFTER_C = "五、存在的主要问题及改进情况";
  private static final Pattern VALUE = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final String[][] GROUPS = {{"（三）不予公开", "属于国家秘密", "禁止公开", "三安全一稳定", "第三方合法权益",
      "内部事务信息", "过程性信息", "行政执法案卷", "行政查询事项"}, {"（四）无法提供", "不掌握", "另行制作", "仍不明确"},
      {"（五）不予处理", "信访举报", "重复申请", "出版物", "反复申请", "重新出具"}, {"（六）其他处理", "不补正", "缴纳费用", "3.其他"}};

  /** The text of a report rendered in {@link Layout#clean()}, damaged. */
  String apply(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int b = lines.indexOf(TABLE_B);
    int c = lines.indexOf(TABLE_C);
    int end = lines.indexOf(AFTER_C);
    List<String> before = new ArrayList<>(lines.subList(0, b + 1));
    List<String> tableB = new ArrayList<>(lines.subList(b + 1, c));
    List<String> tableC = new ArrayList<>(lines.subList(c, end));
    List<String> after = new ArrayList<>(lines.subList(end, lines.size()));
    List<Integer> rows = rowLines(tableB);
    if (kinds.contains(Kind.GROUP_LABEL_CELLS)) {
      groupLabelCells(tableB, rows);
    }
    if (kinds.contains(Kind.DAMAGED_LABEL)) {
      int r = rows.get(pick(4, rows.size() - 2));
      String[] cells = tableB.get(r).split("\t", -1);
      int label = lastLabelCell(cells);
      cells[label] = dropCharacters(cells[label]);
      tableB.set(r, String.join("\t", cells));
    }
    if (kinds.contains(Kind.LABEL_MOVED)) {
      int r = rows.get(pick(4, rows.size() - 2));
      String[] cells = tableB.get(r).split("\t", -1);
      int label = lastLabelCell(cells);
      String moved = cells[label];
      cells[label] = "";
      tableB.set(r, String.join("\t", cells));
      tableB.add(rows.get(rows.size() - 1) + 1, moved);
    }
    if (kinds.contains(Kind.LABELS_APART) || kinds.contains(Kind.NUMBERS_FIRST)) {
      apart(tableB, rowLines(tableB), kinds.contains(Kind.NUMBERS_FIRST) && !kinds.contains(Kind.LABELS_APART));
    }
    if (kinds.contains(Kind.SPLIT_WITH_INVENTED_HEADER)) {
      tableB.add(splitPoint(tableB), "数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t数据7");
    }
    if (kinds.contains(Kind.SPLIT_WITH_REPEATED_HEADER)) {
      tableB.add(splitPoint(tableB), "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计");
    }
    if (kinds.contains(Kind.FOOTERS)) {
      tableB.add(splitPoint(tableB), seed % 2 == 0 ? "— " + (2 + seed % 5) + " —" : "第 3 页 共 6 页");
      tableC.add(1 + pick(0, tableC.size() - 3), seed % 3 == 0 ? "- 4 -" : "第4页/共6页");
    }
    if (kinds.contains(Kind.MARKDOWN_PIPES)) {
      pipes(tableB);
      pipes(tableC.subList(1, tableC.size()));
    }
    List<String> out = new ArrayList<>(before);
    out.addAll(tableB);
    out.addAll(tableC);
    out.addAll(after);
    return String.join("\n", out);
  }

  /** Table B's row lines: a label and seven numbers. */
  private static List<Integer> rowLines(List<String> table) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      String[] cells = table.get(i).split("\t", -1);
      int values = 0;
      for (String cell : cells) {
        if (VALUE.matcher(cell).matches()) {
          values++;
        }
      }
      if (values >= 7) {
        out.add(i);
      }
    }
    return out;
  }

  private static int lastLabelCell(String[] cells) {
    int label = 0;
    for (int i = 0; i < cells.length; i++) {
      if (!cells[i].isEmpty() && !VALUE.matcher(cells[i]).matches()) {
        label = i;
      }
    }
    return label;
  }

  /** Keeps a list number and every other character after it: no keyword of the label survives. */
  private static String dropCharacters(String label) {
    int start = label.length() > 1 && Character.isDigit(label.charAt(0)) ? 2 : 0;
    StringBuilder out = new StringBuilder(label.substring(0, start));
    for (int i = start; i < label.length(); i++) {
      if ((i - start) % 3 == 2) {
        out.append(label.charAt(i));
      }
    }
    return out.toString();
  }

  private static void groupLabelCells(List<String> table, List<Integer> rows) {
    for (int r : rows) {
      String line = table.get(r);
      for (String[] group : GROUPS) {
        for (int k = 1; k < group.length; k++) {
          if (line.contains(group[k]) && !line.contains(group[0])) {
            table.set(r, group[0] + "\t" + line);
          }
        }
      }
    }
  }

  private static void apart(List<String> table, List<Integer> rows, boolean numbersFirst) {
    List<String> labels = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int r : rows) {
      List<String> label = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (String cell : table.get(r).split("\t", -1)) {
        if (VALUE.matcher(cell).matches()) {
          values.add(cell);
        } else if (!cell.isEmpty()) {
          label.add(cell);
        }
      }
      labels.add(String.join("\t", label));
      numbers.addAll(values);
    }
    int first = rows.get(0);
    for (int i = rows.size() - 1; i >= 0; i--) {
      table.remove((int) rows.get(i));
    }
    List<String> block = new ArrayList<>(numbersFirst ? numbers : labels);
    block.addAll(numbersFirst ? labels : numbers);
    table.addAll(first, block);
  }

  /** A line of table B between two of its rows (or its numbers), never before the header. */
  private int splitPoint(List<String> table) {
    List<Integer> rows = rowLines(table);
    int from = rows.isEmpty() ? 4 : rows.get(0) + 1;
    return from + Math.floorMod(seed, Math.max(1, table.size() - 1 - from));
  }

  private void pipes(List<String> table) {
    boolean ruled = false;
    for (int i = 0; i < table.size(); i++) {
      String line = table.get(i);
      if (line.isBlank() || line.startsWith("四、")) {
        continue;
      }
      table.set(i, "| " + line.replace("\t", " | ") + " |");
      if (!ruled) {
        int columns = line.split("\t", -1).length;
        table.add(i + 1, "|" + "---|".repeat(columns));
        ruled = true;
        i++;
      }
    }
  }

  private int pick(int from, int to) {
    return from + Math.floorMod(seed * 31 + 7, Math.max(1, to - from));
  }

  @Override
  public String toString() {
    return kinds + " seed=" + seed;
  }
}

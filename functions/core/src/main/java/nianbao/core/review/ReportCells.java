package nianbao.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.json.JsonTree;
import nianbao.core.json.ReportJson;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;

/**
 * One cell of a report's tables, addressed as findings address it: section 二 (table A: row, and column where the
 * row has several cells), 三 (table B: row and column keys), 四 (table C: group as row, cell as column). Read and
 * written through the report's JSON, so both templates of table A are covered by their keys alone.
 */
public final class ReportCells {
  private ReportCells() {}

  private static final List<String> A2021_COUNTS = List.of("issued", "repealed", "inForce");
  private static final Map<String, List<String>> A2021 = Map.of("regulations", A2021_COUNTS,
      "normativeDocuments", A2021_COUNTS, "licensing", List.of(), "punishment", List.of(), "enforcement", List.of(),
      "fees", List.of());
  private static final List<String> A2019_PUBLICATIONS = List.of("newlyMade", "newlyPublished", "publishedTotal");
  private static final List<String> A2019_ITEMS = List.of("itemsLastYear", "itemsChange", "decisions");
  private static final Map<String, List<String>> A2019 = Map.of("regulations", A2019_PUBLICATIONS,
      "normativeDocuments", A2019_PUBLICATIONS, "licensing", A2019_ITEMS, "otherServices", A2019_ITEMS,
      "punishment", A2019_ITEMS, "enforcement", A2019_ITEMS, "fees", List.of("itemsLastYear", "itemsChange"),
      "procurement", List.of("items", "amount"));
  /** Cells that hold an amount as a decimal string (the fee, the 2019 procurement amount). */
  private static final Set<String> DECIMAL = Set.of("fees", "amount");

  /** A location that names no cell of this report's tables, or a table the report lacks. */
  public static final class NoSuchCell extends IllegalArgumentException {
    public NoSuchCell(String message) {
      super(message);
    }
  }

  /** Whether the cell holds a decimal string rather than a whole number. */
  public static boolean decimal(Location l) {
    return DECIMAL.contains(l.column() != null ? l.column() : l.row());
  }

  /** Whether the cell may be negative (the 2019 template's 本年增/减). */
  public static boolean signed(Location l) {
    return "itemsChange".equals(l.column());
  }

  /** The cell's value as text (digits or a decimal string), or null for a blank. */
  public static String get(Report report, Location l) {
    Map<String, Object> tree = tree(report);
    Object v = slot(tree, l, false).get();
    return v == null ? null : v.toString();
  }

  /** The report with the cell set to {@code value} (text; null for a blank). */
  public static Report set(Report report, Location l, String value) {
    Map<String, Object> tree = tree(report);
    slot(tree, l, true).set(value == null ? null : decimal(l) ? value : (Object) Long.parseLong(value));
    try {
      return ReportJson.read(ReportMapper.MAPPER.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks that {@code l} names a cell of the report's tables. */
  public static void check(Report report, Location l) {
    slot(tree(report), l, false);
  }

  private interface Slot {
    Object get();

    void set(Object value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> tree(Report report) {
    return (Map<String, Object>) JsonTree.read(ReportJson.write(report));
  }

  @SuppressWarnings("unchecked")
  private static Slot slot(Map<String, Object> tree, Location l, boolean create) {
    if (l == null || l.section() == null || l.row() == null) {
      throw new NoSuchCell("位置须给出 section 与 row（以及多列表格的 column）");
    }
    switch (l.section()) {
      case "三" -> {
        Map<String, Object> b = (Map<String, Object>) tree.get("applications");
        int column = Applications.COLUMNS.indexOf(l.column());
        if (b == null || !Applications.ROWS.contains(l.row()) || column < 0) {
          throw new NoSuchCell(b == null ? "报告没有表格三" : "表格三没有行 " + l.row() + " 列 " + l.column());
        }
        List<Object> cells = (List<Object>) ((Map<String, Object>) b.get("rows")).get(l.row());
        if (cells == null || cells.size() <= column) {
          throw new NoSuchCell("表格三的行 " + l.row() + " 没有读出");
        }
        return new Slot() {
          public Object get() {
            return cells.get(column);
          }

          public void set(Object value) {
            cells.set(column, value);
          }
        };
      }
      case "四" -> {
        Map<String, Object> c = (Map<String, Object>) tree.get("reviewAndLitigation");
        if (c == null || !ReviewAndLitigation.GROUPS.contains(l.row())
            || !ReviewAndLitigation.CELLS.contains(l.column())) {
          throw new NoSuchCell(c == null ? "报告没有表格四" : "表格四没有 " + l.row() + " 的 " + l.column());
        }
        return entry(c, l.row(), l.column(), create);
      }
      case "二" -> {
        Map<String, Object> a = (Map<String, Object>) tree.get("proactive");
        Map<String, List<String>> shape = Report.TEMPLATE_2019.equals(tree.get("template")) ? A2019 : A2021;
        List<String> columns = shape.get(l.row());
        if (a == null || columns == null || (columns.isEmpty() ? l.column() != null : !columns.contains(l.column()))) {
          throw new NoSuchCell(a == null ? "报告没有表格二" : "表格二没有 " + l.row()
              + (l.column() == null ? "" : " 的 " + l.column()));
        }
        if (columns.isEmpty()) {
          return new Slot() {
            public Object get() {
              return a.get(l.row());
            }

            public void set(Object value) {
              a.put(l.row(), value);
            }
          };
        }
        return entry(a, l.row(), l.column(), create);
      }
      default -> throw new NoSuchCell("第" + l.section() + "部分没有表格");
    }
  }

  /** {@code parent[row][column]}, the row made (all blank) when a value is written into a row not read. */
  @SuppressWarnings("unchecked")
  private static Slot entry(Map<String, Object> parent, String row, String column, boolean create) {
    return new Slot() {
      public Object get() {
        Map<String, Object> r = (Map<String, Object>) parent.get(row);
        return r == null ? null : r.get(column);
      }

      public void set(Object value) {
        Map<String, Object> r = (Map<String, Object>) parent.get(row);
        if (r == null) {
          r = new java.util.LinkedHashMap<>();
          parent.put(row, r);
        }
        r.put(column, value);
      }
    };
  }
}

package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Location;
import nianbao.core.recognise.RecognisedReport.Assumption;
import nianbao.core.recognise.RecognisedReport.InvalidCell;
import nianbao.core.recognise.RecognisedReport.UnsureTable;

/** What the recogniser learns while reading tables: missing labels, assumptions, invalid cells. */
final class RecognitionNotes {
  final List<Location> missing = new ArrayList<>();
  final List<Assumption> assumptions = new ArrayList<>();
  final List<InvalidCell> invalid = new ArrayList<>();
  final List<UnsureTable> unsure = new ArrayList<>();
  /** Where each filled cell was read: its place in the flat text, resolved to the source at the end. */
  final List<CellSource> sources = new ArrayList<>();

  /**
   * @param inferred the cell was not printed: the span is its row's printed values
   */
  record CellSource(TemplateCell cell, int start, int end, boolean inferred) {}

  void missing(Location location) {
    missing.add(location);
  }

  /** The table of {@code section} was read unreliably, for the reasons given (none: it was not). */
  void unsure(String section, List<String> reasons) {
    if (!reasons.isEmpty()) {
      unsure.add(new UnsureTable(section, List.copyOf(reasons)));
    }
  }

  /** A reading note: how damaged text was read. */
  void assume(Location location, String message, String expected, String actual) {
    assumptions.add(new Assumption(location, message, expected, actual, true));
  }

  /** A count cell: its integer, or null for a blank or for text that is not a whole number (noted for N1). */
  Long count(Location at, String cell) {
    if (cell == null) {
      return null;
    }
    Long value = CellSolver.parseCount(cell);
    if (value == null) {
      invalid.add(new InvalidCell(at, cell));
    }
    return value;
  }

  /**
   * A count cell as {@link #count(Location, String)}, recording where it was read when it holds a value.
   *
   * @param tokens the row's printed tokens the cell was read from
   * @param span   the cell's own span ({@link CellSpans}), or {@link CellSpans#NONE} when it was not printed
   */
  Long count(TemplateCell at, String cell, List<String> tokens, long span) {
    Long value = count(at.location(), cell);
    if (value != null) {
      source(at, tokens, span);
    }
    return value;
  }

  /** A decimal cell as {@link #decimal(Location, String)}, recording where it was read. */
  String decimal(TemplateCell at, String cell, List<String> tokens, long span) {
    String value = decimal(at.location(), cell);
    if (value != null) {
      source(at, tokens, span);
    }
    return value;
  }

  private void source(TemplateCell at, List<String> tokens, long span) {
    boolean inferred = span == CellSpans.NONE;
    long s = inferred ? CellSpans.whole(tokens) : span;
    if (s != CellSpans.NONE) {
      sources.add(new CellSource(at, CellSpans.start(s), CellSpans.end(s), inferred));
    }
  }

  /** A decimal cell (fees, amounts): the digits as printed, or null for blank or text that is not a number. */
  String decimal(Location at, String cell) {
    if (cell == null) {
      return null;
    }
    if (!CellSolver.isNumber(cell)) {
      invalid.add(new InvalidCell(at, cell));
      return null;
    }
    return cell;
  }

  /** Says, for rule S2, how a row's cells were placed when the printed values did not fit plainly. */
  void placement(Location row, CellSolver.Solution solution, List<String> printed, String[] cells) {
    if (solution.certain()) {
      return;
    }
    String printedText = join(printed);
    String placed = join(java.util.Arrays.asList(cells));
    boolean unresolved = java.util.Arrays.stream(cells).anyMatch(c -> c == null) && !printed.isEmpty()
        && solution.kind() != CellSolver.Kind.TOTAL_ONLY;
    String message = switch (solution.kind()) {
      case EXACT, BLANK -> null;
      case SPLIT -> unresolved
          ? "数字连写（" + printedText + "），无法唯一拆分，无法确定的单元格留空"
          : "数字连写（" + printedText + "），拆分为 " + placed;
      case TOTAL_ONLY -> "只填写了总计列（" + printedText + "），其余单元格为空";
      case TEMPLATE_ORDER -> "标签与数字分离，按模板行序放置为 " + placed + "，经表内勾稽关系核对无误";
      case SPLIT_OR_TOO_FEW -> unresolved
          ? "应有 " + cells.length + " 个数值，印有 " + printed.size() + " 个（" + printedText
              + "），既可能是数字连写也可能缺一个数值，无法确定的单元格留空"
          : "应有 " + cells.length + " 个数值，印有 " + printed.size() + " 个（" + printedText
              + "），按表内勾稽关系取为 " + placed;
      case TOO_FEW -> unresolved
          ? "应有 " + cells.length + " 个数值，只印有 " + printed.size() + " 个（" + printedText
              + "），无法确定位置的单元格留空"
          : "应有 " + cells.length + " 个数值，只印有 " + printed.size() + " 个（" + printedText
              + "），按表内勾稽关系补足为 " + placed;
      case TOO_MANY -> unresolved
          ? "应有 " + cells.length + " 个数值，印有 " + printed.size() + " 个（" + printedText
              + "），无法确定多出的是哪个，相关单元格留空"
          : "应有 " + cells.length + " 个数值，印有 " + printed.size() + " 个（" + printedText
              + "），按表内勾稽关系取为 " + placed;
    };
    if (message != null) {
      // a single value in a row is what the agency printed, blanks and all (docs/FORMAT.md: a blank is what the
      // agency published), so "only the total given" is about the report; every other kind is our reading
      boolean reading = solution.kind() != CellSolver.Kind.TOTAL_ONLY;
      assumptions.add(new Assumption(row, message, placed, printedText, reading));
    }
  }

  static String join(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (String c : cells) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(c == null ? "空" : c);
    }
    return out.toString();
  }
}

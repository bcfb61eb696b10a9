package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.layout.AlignedRow.Row;

/**
 * Tables printed without ruling lines, rebuilt from where their words stand. A table of counts shows itself by
 * its numbers: lines holding several numbers apart from each other (a value row), whose numbers stand in the
 * same columns from row to row. Those columns are the x-extents of the numbers, merged where they overlap
 * across rows; what stands left of them is the row's label. Lines of label text between value rows (a label
 * that wraps round its centred numbers, a group label) belong to the nearest value row; lines just above the
 * first value row with words over the columns, or set in from the table's left edge, are its header.
 *
 * <p>A table is made only when the alignment is consistent: every number of a value row falls into a column
 * of its own, every column holds numbers of at least two rows (or the only value row has four numbers or more,
 * like the review table's one row), and no label crosses into the columns. Otherwise the lines stay lines, as
 * a reader without this would leave them: a cell is never invented.
 */
final class AlignedTables {
  /** Lines of label text at most this many between two value rows, or the rows are two tables. */
  private static final int MAX_LINES_BETWEEN = 4;
  /** How far, in text sizes, a line may be from the next one and still be part of the same table. */
  static final float MAX_LINE_GAP = 2.6f;

  private AlignedTables() {}

  /** The page's lines, some of them now tables. */
  record Found(List<GridTable> tables, List<TextLine> lines) {}

  /** Finds the tables among a page's lines (top to bottom); the lines they take are left out of the rest. */
  static Found find(List<TextLine> lines) {
    List<Row> rows = new ArrayList<>(lines.size());
    boolean anyNumbers = false;
    for (TextLine line : lines) {
      Deadline.check();
      Row row = Row.of(line);
      anyNumbers |= row.numbers() >= 2;
      rows.add(row);
    }
    if (!anyNumbers) {
      return new Found(List.of(), lines);
    }
    List<GridTable> tables = new ArrayList<>();
    boolean[] taken = new boolean[rows.size()];
    int floor = 0; // lines above belong to a table already
    int i = 0;
    while (i < rows.size()) {
      Deadline.check();
      if (rows.get(i).numbers() < 2) {
        i++;
        continue;
      }
      int end = runEnd(rows, i);
      AlignedCandidate table = AlignedCandidate.of(rows, i, end, floor);
      if (table == null) {
        i++;
        continue;
      }
      tables.add(table.grid());
      for (int k = table.first; k < table.last; k++) {
        taken[k] = true;
      }
      i = table.last;
      floor = table.last;
    }
    List<TextLine> rest = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      if (!taken[k]) {
        rest.add(lines.get(k));
      }
    }
    return new Found(tables, rest);
  }

  /** The end (exclusive) of the run of value rows from {@code start}: lines close together, value rows near. */
  private static int runEnd(List<Row> rows, int start) {
    int lastValue = start;
    for (int k = start + 1; k < rows.size(); k++) {
      Row row = rows.get(k);
      Row above = rows.get(k - 1);
      if (row.baseline() - above.baseline() > MAX_LINE_GAP * Math.max(row.line().size(), above.line().size())
          || k - lastValue > MAX_LINES_BETWEEN) {
        break;
      }
      if (row.isValueRow()) {
        lastValue = k;
      }
    }
    return lastValue + 1;
  }
}

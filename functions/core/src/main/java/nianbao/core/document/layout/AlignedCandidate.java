package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.Texts;
import nianbao.core.document.layout.AlignedRow.Chunk;
import nianbao.core.document.layout.AlignedRow.Row;

/**
 * One table that the alignment of its numbers suggests ({@link AlignedTables}): its value columns and its
 * lines, from first to last (exclusive). {@link #of} makes it only when the alignment is consistent;
 * {@link #grid()} lays it out.
 */
final class AlignedCandidate {
  /** A wrapped label's line sits closer than this to its row's numbers, in text sizes. */
  private static final float WRAPPED_LINE = 1.4f;
  /** Slack when a word is tested against a column's extent, in points. */
  private static final float SLACK = 2f;
  private static final float MAX_LINE_GAP = AlignedTables.MAX_LINE_GAP;

  final List<Row> rows;
  final float[][] bands; // {left, right} of each value column, left to right
  int first;
  int last;

  private AlignedCandidate(List<Row> rows, float[][] bands, int first, int last) {
    this.rows = rows;
    this.bands = bands;
    this.first = first;
    this.last = last;
  }

  /** The table of the run from..to (exclusive) with its header, or null when its alignment is not consistent. */
  static AlignedCandidate of(List<Row> rows, int from, int to, int floor) {
    float[][] bands = bands(rows, from, to);
    if (bands.length < 2) {
      return null;
    }
    AlignedCandidate t = new AlignedCandidate(rows, bands, from, to);
    int valueRows = 0;
    int maxNumbers = 0;
    int[] support = new int[bands.length];
    for (int k = from; k < to; k++) {
      Row row = rows.get(k);
      if (!row.isValueRow()) {
        continue;
      }
      int[] columns = t.valueColumns(row);
      if (columns == null) {
        return t.truncated(k, floor);
      }
      valueRows++;
      maxNumbers = Math.max(maxNumbers, row.numbers());
      for (int c : columns) {
        if (c >= 0) {
          support[c]++;
        }
      }
    }
    if (valueRows < 2 && maxNumbers < 4) {
      return null;
    }
    for (int s : support) {
      if (s < Math.min(2, valueRows)) {
        return null;
      }
    }
    t.addHeader(floor);
    t.addTrailingLabelLines();
    return t;
  }

  /** The run cut before row k (whose numbers do not fit), if what is left still makes a table. */
  private AlignedCandidate truncated(int k, int floor) {
    int lastValue = -1;
    for (int j = first; j < k; j++) {
      if (rows.get(j).isValueRow()) {
        lastValue = j;
      }
    }
    return lastValue < 0 || lastValue == first && rows.get(first).numbers() < 4 && !hasSecondValueRow(k)
        ? null : of(rows, first, lastValue + 1, floor);
  }

  private boolean hasSecondValueRow(int k) {
    int count = 0;
    for (int j = first; j < k; j++) {
      count += rows.get(j).isValueRow() ? 1 : 0;
    }
    return count >= 2;
  }

  /** The value columns: the numbers' x-extents in rows with two numbers or more, merged where they overlap. */
  private static float[][] bands(List<Row> rows, int from, int to) {
    List<float[]> spans = new ArrayList<>();
    for (int k = from; k < to; k++) {
      Row row = rows.get(k);
      if (row.numbers() >= 2) {
        for (Chunk c : row.chunks()) {
          if (c.isNumber()) {
            spans.add(new float[] {c.left(), c.right()});
          }
        }
      }
    }
    spans.sort((a, b) -> Float.compare(a[0], b[0]));
    List<float[]> merged = new ArrayList<>();
    for (float[] s : spans) {
      float[] lastBand = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (lastBand != null && s[0] <= lastBand[1]) {
        lastBand[1] = Math.max(lastBand[1], s[1]);
      } else {
        merged.add(new float[] {s[0], s[1]});
      }
    }
    return merged.toArray(new float[0][]);
  }

  /** The column of each of a value row's chunks (-1: the label), or null when the row does not fit. */
  private int[] valueColumns(Row row) {
    int[] columns = new int[row.chunks().size()];
    boolean[] used = new boolean[bands.length];
    boolean inValues = false;
    for (int j = 0; j < columns.length; j++) {
      Chunk c = row.chunks().get(j);
      int band = band(c);
      if (band == -1 && !inValues && c.right() <= bands[0][0] + SLACK) {
        columns[j] = -1; // label text, left of the columns
        continue;
      }
      if (band < 0 || used[band] || !c.isNumber() && spansBands(c)) {
        return null; // between columns, two in one column, or a label reaching into the columns
      }
      used[band] = true;
      columns[j] = band;
      inValues = true;
    }
    return columns;
  }

  /** The value column whose extent holds the chunk's centre, -1 left of them, -2 anywhere else. */
  private int band(Chunk c) {
    float x = c.center();
    if (x < bands[0][0] - SLACK) {
      return -1;
    }
    for (int b = 0; b < bands.length; b++) {
      if (x >= bands[b][0] - SLACK && x <= bands[b][1] + SLACK) {
        return b;
      }
    }
    return -2;
  }

  private boolean spansBands(Chunk c) {
    int overlapped = 0;
    for (float[] b : bands) {
      if (c.left() < b[1] && c.right() > b[0]) {
        overlapped++;
      }
    }
    return overlapped > 1;
  }

  /** Lines just above the first value row that have words over the columns, or are set in: the header. */
  private void addHeader(int floor) {
    float tableLeft = left();
    while (first > floor) {
      Row row = rows.get(first - 1);
      Row below = rows.get(first);
      if (below.baseline() - row.baseline() > MAX_LINE_GAP * Math.max(row.line().size(), below.line().size())
          || row.isValueRow()) {
        return;
      }
      boolean overColumns = false;
      for (Chunk c : row.chunks()) {
        overColumns |= c.right() > bands[0][0] - SLACK;
      }
      overColumns &= row.chunks().size() >= 2 || row.chunks().get(0).left() >= bands[0][0] - SLACK;
      boolean setIn = row.chunks().size() == 1 && row.chunks().get(0).left() > tableLeft + 2 * row.line().size();
      if (!overColumns && !setIn) {
        return;
      }
      first--;
    }
  }

  /** A wrapped label's last line under the last value row. */
  private void addTrailingLabelLines() {
    while (last < rows.size()) {
      Row row = rows.get(last);
      Row above = rows.get(last - 1);
      boolean labelOnly = row.chunks().get(row.chunks().size() - 1).right() <= bands[0][0] + SLACK;
      if (!labelOnly || row.baseline() - above.baseline() > WRAPPED_LINE * above.line().size()
          || row.line().left() <= left() + SLACK) {
        return;
      }
      last++;
    }
  }

  private float left() {
    float left = Float.MAX_VALUE;
    for (int k = first; k < last; k++) {
      left = Math.min(left, rows.get(k).line().left());
    }
    return left;
  }

  /** The grid: a label column and the value columns; each value row with the label lines nearest to it. */
  GridTable grid() {
    List<List<Row>> gridRows = new ArrayList<>();
    List<Row> pending = new ArrayList<>(); // label lines waiting for their value row
    List<Row> previousValue = null;
    for (int k = first; k < last; k++) {
      Deadline.check();
      Row row = rows.get(k);
      if (isValues(row)) {
        List<Row> group = new ArrayList<>();
        for (Row p : pending) {
          boolean nearerAbove = previousValue != null && p.baseline() - previousValue.get(previousValue.size() - 1)
              .baseline() < row.baseline() - p.baseline() && isLabelOnly(p);
          (nearerAbove ? previousValue : group).add(p);
        }
        pending.clear();
        group.add(row);
        gridRows.add(group);
        previousValue = group;
      } else if (isLabelOnly(row)) {
        pending.add(row);
      } else {
        for (Row p : pending) {
          gridRows.add(new ArrayList<>(List.of(p)));
        }
        pending.clear();
        gridRows.add(new ArrayList<>(List.of(row))); // a header line, or a heading inside the table
        previousValue = null;
      }
    }
    if (!pending.isEmpty()) {
      if (previousValue != null) {
        previousValue.addAll(pending);
      } else {
        gridRows.add(pending);
      }
    }
    return build(gridRows);
  }

  /** A value row, or a line of one number in a value column (a row whose label wraps round it). */
  private boolean isValues(Row row) {
    return row.isValueRow() || row.chunks().size() == 1 && row.numbers() == 1 && band(row.chunks().get(0)) >= 0;
  }

  private boolean isLabelOnly(Row row) {
    return row.chunks().get(row.chunks().size() - 1).right() <= bands[0][0] + SLACK;
  }

  private GridTable build(List<List<Row>> gridRows) {
    float[] xs = new float[bands.length + 2];
    xs[0] = left();
    xs[1] = bands[0][0] - SLACK / 2;
    for (int b = 1; b < bands.length; b++) {
      xs[b + 1] = (bands[b - 1][1] + bands[b][0]) / 2;
    }
    float right = bands[bands.length - 1][1];
    for (int k = first; k < last; k++) {
      right = Math.max(right, rows.get(k).line().right());
    }
    xs[bands.length + 1] = right + SLACK;
    if (xs[1] <= xs[0]) {
      xs[1] = xs[0] + 0.01f; // a table whose rows have no label
    }
    List<GridCell> cells = new ArrayList<>();
    for (int r = 0; r < gridRows.size(); r++) {
      List<Row> lines = new ArrayList<>(gridRows.get(r));
      lines.sort((a, b) -> Float.compare(a.baseline(), b.baseline()));
      String[] texts = new String[bands.length + 1];
      List<List<PositionedWord>> words = new ArrayList<>();
      for (int c = 0; c <= bands.length; c++) {
        words.add(new ArrayList<>());
      }
      int[] spans = new int[bands.length + 1];
      List<List<Chunk>> label = new ArrayList<>();
      for (Row line : lines) {
        List<Chunk> onLine = new ArrayList<>();
        label.add(onLine);
        for (Chunk c : line.chunks()) {
          int[] columns = isValues(line) ? new int[] {column(c.center(), xs), column(c.center(), xs)} : columns(c, xs);
          words.get(columns[0]).addAll(c.words());
          if (columns[0] == 0) {
            onLine.add(c);
            continue;
          }
          texts[columns[0]] = texts[columns[0]] == null ? c.text() : texts[columns[0]] + " " + c.text();
          spans[columns[0]] = Math.max(spans[columns[0]], columns[1] - columns[0]);
        }
      }
      texts[0] = labelText(label);
      for (int c = 0; c < texts.length; c++) {
        if (texts[c] != null) {
          int span = Math.min(spans[c], texts.length - 1 - c);
          cells.add(new GridCell(r, r, c, c + span, texts[c], false, false, List.copyOf(words.get(c))));
        }
      }
    }
    float top = Float.MAX_VALUE;
    float bottom = -Float.MAX_VALUE;
    for (int k = first; k < last; k++) {
      top = Math.min(top, rows.get(k).line().top());
      bottom = Math.max(bottom, rows.get(k).line().baseline());
    }
    float[] centers = new float[bands.length];
    for (int b = 0; b < bands.length; b++) {
      centers[b] = (bands[b][0] + bands[b][1]) / 2;
    }
    GridTable t = new GridTable(xs, gridRows.size(), cells, top, bottom, centers);
    t.sortCells();
    return t;
  }

  /**
   * The columns a chunk takes, first and last: the label's (0) when it stands left of the value columns, the
   * value column that holds its centre, or every value column it covers (a header over several).
   */
  private int[] columns(Chunk c, float[] xs) {
    if (c.center() < xs[1]) {
      return new int[] {0, 0};
    }
    int from = -1;
    int to = -1;
    for (int b = 0; b < bands.length; b++) {
      if (c.left() < bands[b][1] && c.right() > bands[b][0]) {
        from = from < 0 ? b + 1 : from;
        to = b + 1;
      }
    }
    if (from < 0 || from == to) {
      int at = column(c.center(), xs);
      return new int[] {at, at};
    }
    return new int[] {from, to};
  }

  /** The column (0: the label) whose edges hold x. */
  private static int column(float x, float[] xs) {
    for (int c = xs.length - 2; c > 0; c--) {
      if (x >= xs[c]) {
        return c;
      }
    }
    return 0;
  }

  /**
   * A row's label from its pieces on its lines, in reading order: pieces on one line with a space between,
   * lines joined as a wrapped text. (Pieces are not regrouped by cell: a group label spread over the rows it
   * spans would be glued to one row's label, and "（六）其" "他处理" would make a "其他" no row prints.)
   */
  private static String labelText(List<List<Chunk>> lines) {
    String text = null;
    for (List<Chunk> line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      StringBuilder onLine = new StringBuilder();
      for (Chunk piece : line) {
        onLine.append(onLine.length() == 0 ? "" : " ").append(piece.text());
      }
      text = text == null ? onLine.toString() : Texts.join(text, onLine.toString());
    }
    return text;
  }
}

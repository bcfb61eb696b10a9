package nianbao.core.recognise;

import java.util.Arrays;
import java.util.List;
import nianbao.core.document.Block;

/**
 * Which block, and where in it, each stretch of a {@link FlatText} came from: one entry per paragraph and per
 * table cell (and one more after each blank cell that flattening shortened), as parallel int arrays, so that a
 * value's place in the flat text leads back to the source without any object per character.
 */
final class SourceMap {
  static final SourceMap NONE = new SourceMap(List.of());

  final List<Block> blocks;
  private int[] flatStarts = new int[64];
  private int[] blockIndex = new int[64];
  private int[] rows = new int[64];
  private int[] columns = new int[64];
  /** The position in the block's text (a paragraph's, or a cell's) that {@code flatStarts} stands for. */
  private int[] offsets = new int[64];
  private int size;

  SourceMap(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** From flat position {@code flatStart} on, the text is block {@code block}'s (cell row, column; -1 for a paragraph) from {@code offset}. */
  void add(int flatStart, int block, int row, int column, int offset) {
    if (size == flatStarts.length) {
      int n = size * 2;
      flatStarts = Arrays.copyOf(flatStarts, n);
      blockIndex = Arrays.copyOf(blockIndex, n);
      rows = Arrays.copyOf(rows, n);
      columns = Arrays.copyOf(columns, n);
      offsets = Arrays.copyOf(offsets, n);
    }
    flatStarts[size] = flatStart;
    blockIndex[size] = block;
    rows[size] = row;
    columns[size] = column;
    offsets[size] = offset;
    size++;
  }

  /** The entry a flat position falls in, or -1. */
  int find(int flatPos) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (flatStarts[mid] <= flatPos) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  int flatStart(int entry) {
    return flatStarts[entry];
  }

  /** Where the next entry starts (the end of this one's text), or MAX_VALUE for the last. */
  int flatEnd(int entry) {
    return entry + 1 < size ? flatStarts[entry + 1] : Integer.MAX_VALUE;
  }

  Block block(int entry) {
    return blocks.get(blockIndex[entry]);
  }

  int row(int entry) {
    return rows[entry];
  }

  int column(int entry) {
    return columns[entry];
  }

  int offset(int entry) {
    return offsets[entry];
  }
}

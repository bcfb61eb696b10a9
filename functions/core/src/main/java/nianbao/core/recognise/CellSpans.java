package nianbao.core.recognise;

import java.util.List;

/**
 * Where each cell of a row was printed: the cells are matched, in order, to the tokens they were read from
 * ({@link Tokens} know their place in the flat text). A cell is a whole token, a piece of one (digits run together
 * and split: "007" → 0, 0, 7) or tokens joined (a number broken by a space). A cell that matches nothing was not
 * printed — a blank the row's arithmetic filled — and has no span of its own. One pass, no search beyond the row.
 */
final class CellSpans {
  static final long NONE = -1;

  private CellSpans() {}

  static long span(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  static int start(long span) {
    return (int) (span >>> 32);
  }

  static int end(long span) {
    return (int) span;
  }

  /**
   * @param text   the flat text the tokens were read from
   * @param pieces whether a cell may be a piece of a token (the row's digits were split)
   * @return per cell its span, or {@link #NONE}
   */
  static long[] match(String text, List<String> tokens, String[] cells, boolean pieces) {
    long[] spans = new long[cells.length];
    java.util.Arrays.fill(spans, NONE);
    if (!(tokens instanceof Tokens t)) {
      return spans;
    }
    int ti = 0;
    int off = 0;
    for (int c = 0; c < cells.length; c++) {
      String cell = cells[c];
      if (cell == null) {
        continue;
      }
      if (off > 0) {
        String token = t.get(ti);
        if (pieces && token.startsWith(cell, off)) {
          spans[c] = piece(text, t, ti, off, off + cell.length());
          off += cell.length();
          if (off == token.length()) {
            ti++;
            off = 0;
          }
          continue;
        }
        ti++;
        off = 0;
      }
      for (int j = ti; j < t.size(); j++) {
        String token = t.get(j);
        if (token == null || token == ValueScanner.SOFT_BLANK || t.start(j) < 0) {
          continue;
        }
        if (token.equals(cell)) {
          spans[c] = span(t.start(j), t.end(j));
          ti = j + 1;
          break;
        }
        if (pieces && token.length() > cell.length() && token.startsWith(cell)) {
          spans[c] = piece(text, t, j, 0, cell.length());
          ti = j;
          off = cell.length();
          break;
        }
        int joined = joined(t, j, cell);
        if (joined > j) {
          spans[c] = span(t.start(j), t.end(joined));
          ti = joined + 1;
          break;
        }
      }
    }
    return spans;
  }

  /** From all the row's printed tokens: the span of the whole row, for a cell that was not printed itself. */
  static long whole(List<String> tokens) {
    if (!(tokens instanceof Tokens t)) {
      return NONE;
    }
    int start = Integer.MAX_VALUE;
    int end = -1;
    for (int i = 0; i < t.size(); i++) {
      if (t.start(i) >= 0 && t.get(i) != null && t.get(i) != ValueScanner.SOFT_BLANK) {
        start = Math.min(start, t.start(i));
        end = Math.max(end, t.end(i));
      }
    }
    return end < 0 ? NONE : span(start, end);
  }

  /** The last token of a run from {@code j} whose texts joined are {@code cell}, or -1. */
  private static int joined(Tokens t, int j, String cell) {
    if (!cell.startsWith(t.get(j)) || cell.length() == t.get(j).length()) {
      return -1;
    }
    int length = t.get(j).length();
    for (int k = j + 1; k < t.size() && length < cell.length(); k++) {
      String next = t.get(k);
      if (next == null || next == ValueScanner.SOFT_BLANK || t.start(k) < 0 || !cell.startsWith(next, length)) {
        return -1;
      }
      length += next.length();
      if (length == cell.length()) {
        return k;
      }
    }
    return -1;
  }

  /** Characters {@code from}..{@code to} of token {@code i}, in the text (thousands commas are not in the token). */
  private static long piece(String text, Tokens t, int i, int from, int to) {
    int start = t.start(i);
    int p = start;
    int k = 0;
    int pieceStart = start;
    while (p < t.end(i) && k < to) {
      if (text.charAt(p) != ',') {
        if (k == from) {
          pieceStart = p;
        }
        k++;
      }
      p++;
    }
    return span(pieceStart, p);
  }

  /**
   * Each row's cell spans for a table read row by row: a row read after its label from its own tokens, the rows
   * of a template-order placement together from the placement's printed values (their order is the rows').
   *
   * @param readFrom per row, replaced here by the tokens a placed row was read from
   */
  static long[][] rows(String text, List<List<String>> printed, String[][] cells, CellSolver.Solution[] solutions,
      List<TemplateOrder.Placement> placements, boolean[] templatePlaced, List<List<String>> readFrom) {
    long[][] spans = new long[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      spans[r] = match(text, printed.get(r), cells[r], splits(solutions[r]));
    }
    for (TemplateOrder.Placement p : placements) {
      if (!templatePlaced[p.from()]) {
        continue;
      }
      int width = cells[p.from()].length;
      String[] all = new String[(p.to() - p.from()) * width];
      for (int r = p.from(); r < p.to(); r++) {
        System.arraycopy(cells[r], 0, all, (r - p.from()) * width, width);
      }
      long[] allSpans = match(text, p.printed(), all, true);
      for (int r = p.from(); r < p.to(); r++) {
        spans[r] = java.util.Arrays.copyOfRange(allSpans, (r - p.from()) * width, (r - p.from() + 1) * width);
        readFrom.set(r, p.printed());
      }
    }
    return spans;
  }

  /** Whether a row's cells may be pieces of its tokens: digits run together were split. */
  static boolean splits(CellSolver.Solution solution) {
    return solution != null && (solution.kind() == CellSolver.Kind.SPLIT
        || solution.kind() == CellSolver.Kind.SPLIT_OR_TOO_FEW);
  }
}

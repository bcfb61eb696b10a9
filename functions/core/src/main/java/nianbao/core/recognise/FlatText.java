package nianbao.core.recognise;

import java.util.List;
import nianbao.core.document.Block;
import nianbao.core.document.Paragraph;
import nianbao.core.document.Table;

/**
 * A document's blocks as one normalised text, with a whitespace-free view of it for label search.
 *
 * <p>Normalisation maps one character to one character (full-width ASCII to half-width, ideographic and
 * no-break spaces to spaces), so a position in the normalised text is a position in the printed text.
 * Cells are separated by tabs and lines by newlines. A cell known to be blank — an empty cell of a real
 * table, or an empty tab-separated cell between two numbers of a text line — becomes {@link #BLANK}.
 */
public final class FlatText {
  /** Stands for a blank cell; a private-use character that no report prints. */
  public static final char BLANK = '\uE000';
  /** Stands for an empty cell right after a label: a merged label column or a blank first value. */
  public static final char SOFT_BLANK = '\uE001';

  final String text;
  /**
   * The same text before normalisation (same length, same positions), for printing what the report says; the
   * array may be longer than the text.
   */
  private final char[] original;
  /** The text without whitespace, for finding labels that extraction broke with spaces or line breaks. */
  final String compact;
  /** For each position of {@link #compact}, its position in {@link #text}. */
  final int[] compactToText;
  /** Where each stretch of the text came from in the document's blocks. */
  final SourceMap sources;

  /** @param chars the flat text as printed, its first {@code n} characters (kept as {@link #original}) */
  private FlatText(char[] chars, int n, SourceMap sources) {
    this.original = chars;
    this.sources = sources;
    char[] normalised = new char[n];
    char[] compactChars = new char[n];
    int[] map = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = normalise(chars[i]);
      normalised[i] = c;
      if (!isSpace(c)) {
        compactChars[k] = c;
        map[k++] = i;
      }
    }
    map[k] = n;
    this.text = new String(normalised);
    this.compact = new String(compactChars, 0, k);
    this.compactToText = map;
  }

  /**
   * The flat text built in one array that the normalising pass then reads: every character of a document passes
   * through both, and a string builder turned into a string and read back by charAt cost more than either.
   */
  private static final class Buffer {
    char[] chars;
    int length;

    Buffer(int capacity) {
      chars = new char[capacity];
    }

    void ensure(int more) {
      if (length + more > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
      }
    }

    void append(char c) {
      ensure(1);
      chars[length++] = c;
    }

    void append(String s) {
      ensure(s.length());
      s.getChars(0, s.length(), chars, length);
      length += s.length();
    }
  }

  public static FlatText of(List<Block> blocks) {
    int size = 16;
    for (Block block : blocks) {
      size += block instanceof Paragraph p ? p.text().length() + 1 : 256;
    }
    Buffer out = new Buffer(size);
    SourceMap sources = new SourceMap(blocks);
    for (int b = 0; b < blocks.size(); b++) {
      Block block = blocks.get(b);
      if (block instanceof Paragraph paragraph) {
        sources.add(out.length, b, -1, -1, 0);
        appendTextLine(out, paragraph.text(), sources, b);
      } else if (block instanceof Table table) {
        List<List<String>> rows = table.rows();
        boolean padded = endsPadded(table);
        for (int r = 0; r < rows.size(); r++) {
          appendTableRow(out, table, rows.get(r), padded, sources, b, r);
        }
      }
    }
    return new FlatText(out.chars, out.length, sources);
  }

  public static FlatText of(String plainText) {
    Buffer out = new Buffer(plainText.length() + 16);
    int start = 0;
    for (int i = 0; i <= plainText.length(); i++) {
      if (i == plainText.length() || plainText.charAt(i) == '\n') {
        appendTextLine(out, plainText.substring(start, i), null, -1);
        start = i + 1;
      }
    }
    return new FlatText(out.chars, out.length, SourceMap.NONE);
  }

  public String text() {
    return text;
  }

  /**
   * The printed text between two positions, without blank-cell marks: lines trimmed, blank lines dropped, tabs as
   * spaces — the same text whether a format separates paragraphs with an empty line (extracted text) or not
   * (HTML, DOCX, PDF). One pass, without a string per line: it runs on every section's text.
   */
  String printed(int from, int to) {
    char[] in = original;
    char[] out = new char[Math.max(0, to - from)];
    int k = 0;
    int start = from;
    while (start < to) {
      int end = start;
      while (end < to && in[end] != '\n' && in[end] != '\r') {
        end++;
      }
      int first = start;
      while (first < end && isTrimmed(in[first])) {
        first++;
      }
      int last = end;
      while (last > first && isTrimmed(in[last - 1])) {
        last--;
      }
      if (first < last) {
        if (k > 0) {
          out[k++] = '\n';
        }
        for (int i = first; i < last; i++) {
          char c = in[i];
          if (c != BLANK && c != SOFT_BLANK) {
            out[k++] = c == '\t' ? ' ' : c;
          }
        }
      }
      start = end + 1;
    }
    return new String(out, 0, k);
  }

  /** What {@link #printed} leaves off a line's ends: blank-cell marks and whitespace. */
  private static boolean isTrimmed(char c) {
    return c == BLANK || c == SOFT_BLANK || Character.isWhitespace(c);
  }

  /** The printed characters of a compact range (whitespace-free), e.g. a title broken by spaces. */
  String printedCompact(int compactFrom, int compactTo) {
    StringBuilder out = new StringBuilder(compactTo - compactFrom);
    for (int k = compactFrom; k < compactTo; k++) {
      out.append(original[compactToText[k]]);
    }
    return out.toString();
  }

  /** Position in {@link #text} of compact position {@code k}. */
  int textPos(int compactPos) {
    return compactToText[Math.min(compactPos, compact.length())];
  }

  /** Whether a line break separates compact position {@code k} from the one before it. */
  boolean lineBreakBefore(int k) {
    return breakBefore(k, false);
  }

  /** Whether a cell edge (a tab: a table's or a pipe row's) or a line break stands right before compact position k. */
  boolean cellBreakBefore(int k) {
    return breakBefore(k, true);
  }

  private boolean breakBefore(int k, boolean orTab) {
    if (k <= 0 || k >= compact.length()) {
      return true;
    }
    for (int i = compactToText[k - 1] + 1; i < compactToText[k]; i++) {
      char c = text.charAt(i);
      if (c == '\n' || orTab && c == '\t') {
        return true;
      }
    }
    return false;
  }

  /** The first compact position whose text position is at or after {@code textPos}. */
  int compactPos(int textPos) {
    int lo = 0;
    int hi = compact.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compactToText[mid] < textPos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * A text line, its blank cells between two values marked (a blank cell as one {@link #BLANK}, an empty one
   * too): a line without tabs copied whole, a line of cells read from an array, not a string.
   *
   * @param sources where a shortened blank cell starts a new stretch of the line (null: not recorded)
   */
  private static void appendTextLine(Buffer out, String printedLine, SourceMap sources, int block) {
    String line = ConversionMarks.clean(printedLine);
    if (line.indexOf('\t') < 0) {
      out.ensure(line.length() + 1);
      out.append(line);
      out.append('\n');
      return;
    }
    char[] a = line.toCharArray();
    int n = a.length;
    // first and last cells that hold a number, by cell index; the last cell that holds anything
    int first = -1;
    int last = -1;
    int lastFilled = -1;
    int cell = 0;
    for (int start = 0; start <= n; cell++) {
      int end = cellEnd(a, start, n);
      if (isValueCell(a, start, end)) {
        if (first < 0) {
          first = cell;
        }
        last = cell;
      }
      if (!isBlank(a, start, end)) {
        lastFilled = cell;
      }
      start = end + 1;
    }
    // A pipe row's empty cells after its last filled one are padding — the positions merged cells cover, which a
    // crawler or a converter prints at the row's end ("| 8 | ||") — not columns: they are no cells at all.
    int cells = ConversionMarks.isPipeRow(printedLine) ? lastFilled + 1 : Integer.MAX_VALUE;
    out.ensure(n + cell + 1); // an empty cell grows by its blank mark
    char[] o = out.chars;
    int w = out.length;
    cell = 0;
    for (int start = 0; start <= n; cell++) {
      int end = cellEnd(a, start, n);
      if (cell > 0) {
        o[w++] = cell < cells ? '\t' : ' ';
      }
      if (cell > first && cell < last && isBlank(a, start, end)) {
        o[w++] = BLANK;
        if (sources != null && end - start != 1) {
          sources.add(w, block, -1, -1, end); // the blank took one character, not end - start
        }
      } else {
        System.arraycopy(a, start, o, w, end - start);
        w += end - start;
      }
      start = end + 1;
    }
    o[w++] = '\n';
    out.length = w;
  }

  /** Where the cell starting at {@code start} ends: the next tab, or the line's end. */
  private static int cellEnd(char[] a, int start, int lineEnd) {
    int end = start;
    while (end < lineEnd && a[end] != '\t') {
      end++;
    }
    return end;
  }

  private static boolean isBlank(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(s[i]) && s[i] != '\u3000') {
        return false;
      }
    }
    return true;
  }

  /**
   * A cell that stands for a value: a number as printed (13, 0.5, 1,234, -3) or a placeholder dash or slash. The
   * same test for a table's cells and for a text line's tab-separated ones.
   */
  static boolean isValueCell(CharSequence s, int from, int to) {
    boolean valueOrPlaceholder = false;
    for (int i = from; i < to; i++) {
      int kind = valueCellChar(s.charAt(i));
      if (kind < 0) {
        return false;
      }
      valueOrPlaceholder |= kind > 0;
    }
    return valueOrPlaceholder;
  }

  private static boolean isValueCell(char[] s, int from, int to) {
    boolean valueOrPlaceholder = false;
    for (int i = from; i < to; i++) {
      int kind = valueCellChar(s[i]);
      if (kind < 0) {
        return false;
      }
      valueOrPlaceholder |= kind > 0;
    }
    return valueOrPlaceholder;
  }

  /** In a value cell: 1 a digit, dash or slash, 0 a separator or space, -1 anything else (not a value cell). */
  private static int valueCellChar(char printed) {
    char c = normalise(printed);
    if (c >= '0' && c <= '9' || c == '-' || c == '—' || c == '–' || c == '/') {
      return 1;
    }
    return c != '.' && c != ',' && !isSpace(c) ? -1 : 0;
  }

  /**
   * Whether a table without known spans (Markdown, text) prints at its rows' ends the positions merged cells cover,
   * as a site crawler stores a web page's table ("| 一、本年新收… | 13 | … | 13 | ||"), rather than beside the
   * merged cell (a converter's "| 一、本年新收… |  |  | 13 | … | 13 |"): most rows that hold a value end empty.
   * There the empty cells after a row's last filled one are no columns; elsewhere they are blank cells.
   */
  private static boolean endsPadded(Table table) {
    if (table.printedGrid()) {
      return false;
    }
    int endEmpty = 0;
    int endFilled = 0;
    List<List<String>> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      boolean anyValue = false;
      int end = 0;
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        anyValue |= cell != null && isValueCell(cell, 0, cell.length());
        if (!table.isCovered(r, c)) {
          end = c + 1;
        }
      }
      if (anyValue && end > 0) {
        String last = row.get(end - 1);
        if (last == null || last.isBlank()) {
          endEmpty++;
        } else {
          endFilled++;
        }
      }
    }
    return endEmpty > endFilled;
  }

  /**
   * A real table's row. Empty cells before the first filled one are what a merged label column leaves
   * behind: spaces. Empty cells right after a label may be a label's merged columns or a blank first value:
   * {@link #SOFT_BLANK}, dropped first when a row has too many cells. Any other empty cell is {@link #BLANK}.
   */
  private static void appendTableRow(Buffer out, Table table, List<String> row, boolean padded,
      SourceMap sources, int block, int r) {
    boolean seenFilled = false;
    boolean afterLabel = false;
    int cells = row.size();
    while (cells > 0 && (table.isCovered(r, cells - 1)
        || padded && (row.get(cells - 1) == null || row.get(cells - 1).isBlank()))) {
      cells--;
    }
    for (int i = 0; i < cells; i++) {
      if (seenFilled && table.isCovered(r, i)) {
        continue; // the rest of a merged cell: it prints nothing of its own, not even a blank
      }
      if (i > 0) {
        out.append('\t');
      }
      sources.add(out.length, block, r, i, 0);
      String cell = row.get(i) == null ? null : ConversionMarks.cleanCell(row.get(i));
      if (cell == null || cell.isBlank()) {
        out.append(!seenFilled ? ' ' : afterLabel ? SOFT_BLANK : BLANK);
        continue;
      }
      seenFilled = true;
      afterLabel = !isValueCell(cell, 0, cell.length());
      int before = out.length;
      out.append(cell);
      for (int j = before; j < out.length; j++) {
        char c = out.chars[j];
        if (c == '\n' || c == '\t' || c == '\r') {
          out.chars[j] = ' ';
        }
      }
    }
    out.append('\n');
  }

  /** One character to one character, so positions stay aligned with the printed text. */
  public static char normalise(char c) {
    if (c < '\u00A0' && c != '\r') {
      return c;
    }
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    switch (c) {
      case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200B', '\uFEFF' -> {
        return ' ';
      }
      case '\r' -> {
        return '\n';
      }
      case '\u3002' -> {
        return '。';
      }
      default -> {
        return c;
      }
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == BLANK || c == SOFT_BLANK;
  }

  static boolean isCjk(char c) {
    return c >= '\u3400' && c <= '\u9FFF';
  }
}

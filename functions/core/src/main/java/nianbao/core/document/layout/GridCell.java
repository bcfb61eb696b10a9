package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell of a {@link GridTable}: rows r0..r1 and columns c0..c1 of the grid (a merged cell spans several).
 * {@code openTop}/{@code openBottom}: no border is drawn there — a page break may cut the cell.
 *
 * @param words the cell's glyphs in the order of its text (for the evidence of a value read from it)
 */
public record GridCell(int r0, int r1, int c0, int c1, String text, boolean openTop, boolean openBottom,
    List<PositionedWord> words) {
  GridCell with(int newR0, int newR1, int newC0, int newC1, String newText) {
    return new GridCell(newR0, newR1, newC0, newC1, newText, openTop, openBottom, words);
  }

  GridCell withText(String newText) {
    return with(r0, r1, c0, c1, newText);
  }

  /** This cell with another's text and glyphs after its own (a cell a page break cut in two). */
  GridCell joined(int newR1, GridCell piece) {
    List<PositionedWord> all = new ArrayList<>(words);
    all.addAll(piece.words);
    return new GridCell(r0, newR1, c0, c1, nianbao.core.document.Texts.join(text, piece.text), openTop, openBottom,
        List.copyOf(all));
  }
}

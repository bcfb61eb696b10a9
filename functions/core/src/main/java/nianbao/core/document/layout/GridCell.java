package nianbao.core.document.layout;

/**
 * A cell of a {@link GridTable}: rows r0..r1 and columns c0..c1 of the grid (a merged cell spans several).
 * {@code openTop}/{@code openBottom}: no border is drawn there — a page break may cut the cell.
 */
public record GridCell(int r0, int r1, int c0, int c1, String text, boolean openTop, boolean openBottom) {
  GridCell with(int newR0, int newR1, int newC0, int newC1, String newText) {
    return new GridCell(newR0, newR1, newC0, newC1, newText, openTop, openBottom);
  }

  GridCell withText(String newText) {
    return with(r0, r1, c0, c1, newText);
  }
}

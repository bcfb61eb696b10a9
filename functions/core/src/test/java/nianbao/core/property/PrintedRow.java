package nianbao.core.property;

import java.util.List;

/**
 * One table row as a layout printed it.
 *
 * @param tokens    the printed values in order, as the text separates them ("713000074" is one token)
 * @param onlyTotal only the 总计 cell is filled, the others are blank in the document itself
 */
record PrintedRow(List<String> tokens, boolean onlyTotal) {
  /** Whether the layout printed the row other than as one value per cell. */
  boolean damaged(int cells) {
    return onlyTotal || tokens.size() != cells;
  }
}

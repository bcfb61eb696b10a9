package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Where a filled cell's value was read in the source document (docs/FORMAT.md, {@code evidence}). Only the members
 * that apply to the source's kind are set; the others are left out of the JSON.
 *
 * @param kind       {@code text} (plain text, Markdown, a paragraph of HTML or DOCX), {@code table} (a table cell of
 *                   HTML, DOCX or Markdown) or {@code pdf}
 * @param page       PDF: the page, from 1
 * @param pageSize   PDF: the page's width and height in points (its crop box)
 * @param box        PDF: the value's glyphs, [x0, y0, x1, y1] in points from the page's top-left corner, y down
 * @param table      tables: the table's number in the document, from 0, in document order
 * @param row        tables: the row in that table, from 0, as the source has them
 * @param column     tables: the column, from 0, with merged cells counted as the columns they span
 * @param offset     text: where the value starts in the decoded source text, in UTF-16 code units
 * @param length     text: how many code units the value takes there
 * @param excerpt    the printed text around the value (a cell's text, or a line's), at most a few dozen characters
 * @param highlight  where the value stands in {@code excerpt}: [start, end) in code units
 * @param inferred   true when the value is not printed but follows from the row's arithmetic (one blank of a row
 *                   whose total is printed): the evidence is the row's printed values
 * @param confidence how sure the source's producer was of the characters (OCR), 0 to 1; absent for text layers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "page", "pageSize", "box", "table", "row", "column", "offset", "length", "excerpt",
    "highlight", "inferred", "confidence"})
public record Evidence(
    String kind,
    Integer page,
    List<Double> pageSize,
    List<Double> box,
    Integer table,
    Integer row,
    Integer column,
    Integer offset,
    Integer length,
    String excerpt,
    List<Integer> highlight,
    Boolean inferred,
    Double confidence) {
  public static final String TEXT = "text";
  public static final String TABLE = "table";
  public static final String PDF = "pdf";

  /** The key of a cell in {@link Report#evidence()}: its location's section, row and column joined by '/'. */
  public static String key(Location location) {
    String known = KEYS.get(location);
    if (known != null) {
      return known;
    }
    String key = joinKey(location);
    if (KEYS.size() < MAX_KEPT) { // locations can come from callers (corrections): never grow without bound
      KEYS.put(location, key);
    }
    return key;
  }

  private static final int MAX_KEPT = 4096;

  /**
   * Keys by location: a template has a few hundred cells, and every report asks for each of them (a measured
   * 6 % of parse + validate went to building these strings and hashing them afresh).
   */
  private static final java.util.Map<Location, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String joinKey(Location location) {
    StringBuilder key = new StringBuilder(location.section());
    if (location.row() != null) {
      key.append('/').append(location.row());
    }
    if (location.column() != null) {
      key.append('/').append(location.column());
    }
    return key.toString();
  }

  public Evidence asInferred() {
    return new Evidence(kind, page, pageSize, box, table, row, column, offset, length, excerpt, highlight, true,
        confidence);
  }
}

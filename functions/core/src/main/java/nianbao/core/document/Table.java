package nianbao.core.document;

import java.util.List;

/**
 * A table with its real rows and cells, as a structured reader (HTML, DOCX, PDF) found it.
 * Merged cells are resolved onto the grid: the text stands in the top-left cell of the span and every
 * other position the span covers is the empty string; a blank cell is the empty string too.
 */
public record Table(List<List<String>> rows) implements Block {}

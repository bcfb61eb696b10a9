package nianbao.core.document;

/**
 * One line or paragraph of text as the document gives it. Plain text keeps its tabs: extracted reports
 * often carry a table's cells as tab-separated text, and the recogniser reads them as cells.
 */
public record Paragraph(String text) implements Block {}

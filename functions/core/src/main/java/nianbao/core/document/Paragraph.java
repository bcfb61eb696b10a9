package nianbao.core.document;

/**
 * One line or paragraph of text as the document gives it. Plain text keeps its tabs: extracted reports
 * often carry a table's cells as tab-separated text, and the recogniser reads them as cells.
 *
 * @param origin where the paragraph stands in the source; not part of equality (two blocks that read the same
 *               are the same block)
 */
public record Paragraph(String text, Origin origin) implements Block {
  public Paragraph(String text) {
    this(text, Origin.NONE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Paragraph p && text.equals(p.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "Paragraph[" + text + "]";
  }
}

package nianbao.core.document.layout;

/** What a page holds in reading order: lines of text and tables. */
public sealed interface PageItem permits TextLine, GridTable {
  float top();
}

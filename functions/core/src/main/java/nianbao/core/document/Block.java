package nianbao.core.document;

/** A piece of a read document: a paragraph of text or a table of cells. */
public sealed interface Block permits Paragraph, Table {}

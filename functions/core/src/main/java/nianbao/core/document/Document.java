package nianbao.core.document;

import java.util.List;

/**
 * A document read into blocks, before anything is known about reports.
 *
 * @param format   the reader's format name: txt, html, docx, pdf
 * @param encoding the character encoding the bytes were decoded with, or null for binary formats
 * @param reader   the reader's name and version, recorded so that reports can be re-processed when it changes
 */
public record Document(String format, String encoding, String reader, List<Block> blocks) {}

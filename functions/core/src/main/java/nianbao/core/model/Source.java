package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a report came from. {@code format} is the reader that was used (txt, html, docx, pdf);
 * {@code reader} names that reader and its version, so stored reports can be re-processed when it changes.
 */
@JsonPropertyOrder({"name", "sha256", "format", "encoding", "reader"})
public record Source(String name, String sha256, String format, String encoding, String reader) {}

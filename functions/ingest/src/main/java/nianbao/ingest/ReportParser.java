package nianbao.ingest;

import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;

/** Bytes → report; {@link ReportReader#read} in production, replaceable in tests. */
@FunctionalInterface
public interface ReportParser {
  ReportParser CORE = ReportReader::read;

  Report read(byte[] bytes, String sourceName) throws UnreadableDocumentException;
}

package nianbao.ingest;

import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import nianbao.core.recognise.PreviousYear;

/** Bytes → report; {@link ReportReader#read} in production, replaceable in tests. */
@FunctionalInterface
public interface ReportParser {
  ReportParser CORE = new ReportParser() {
    @Override
    public Report read(byte[] bytes, String sourceName) throws UnreadableDocumentException {
      return ReportReader.read(bytes, sourceName);
    }

    @Override
    public Report read(byte[] bytes, String sourceName, PreviousYear previousYear)
        throws UnreadableDocumentException {
      return ReportReader.read(bytes, sourceName, previousYear);
    }
  };

  Report read(byte[] bytes, String sourceName) throws UnreadableDocumentException;

  /** Reads with what the store knows of the agency's year before; a parser that cannot use it ignores it. */
  default Report read(byte[] bytes, String sourceName, PreviousYear previousYear)
      throws UnreadableDocumentException {
    return read(bytes, sourceName);
  }
}

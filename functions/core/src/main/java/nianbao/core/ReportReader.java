package nianbao.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nianbao.core.document.Document;
import nianbao.core.document.DocumentReaders;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Report;
import nianbao.core.model.Source;
import nianbao.core.recognise.PreviousYear;
import nianbao.core.recognise.Recogniser;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.rules.SingleReportRules;

/**
 * The core's one entry point: bytes of any supported format → docs/FORMAT.md's report with its findings.
 * Thread-safe and stateless.
 */
public final class ReportReader {
  /**
   * Bumped whenever recognition or a rule changes what a report's JSON would be, or what counts as a report
   * (rules/3: {@link ReportShape}; a document stored as a report before is re-read and may now be refused;
   * rules/4: each filled cell's {@code evidence}, so that reprocessing adds it to stored reports; rules/5: the
   * date the report prints for itself, {@code dated}, which rosters judge timeliness by; rules/6: the cross-year
   * rules X2/X4/X5 compare an agency's years by its identity — region code and body, {@code AgencyIdentity} — not by
   * the name as printed, so reprocessing moves stored reports to their agency, their ids unchanged; rules/7: a
   * section heading whose words were misread — "一、和名体情况" from a scan — is still its section, with a reading
   * note, where it was an S1 "section missing" error before; rules/8: a value cell merged over two columns is one
   * value, crawler-stored web text's pipe rows and padding are read as cells, mis-decoded (mojibake) text is turned
   * back, and a report of 2018 or before is refused as such — stored reports of those forms read differently).
   */
  public static final String RULES_VERSION = "rules/8";

  private ReportReader() {}

  /**
   * Reads, recognises and validates one document.
   *
   * @param sourceName the file name, recorded in {@code source.name} (never used to guess the format)
   * @throws UnreadableDocumentException with a one-line Chinese reason when the bytes are not a readable report
   */
  public static Report read(byte[] bytes, String sourceName) throws UnreadableDocumentException {
    return read(bytes, sourceName, PreviousYear.NONE);
  }

  /**
   * Reads as {@link #read(byte[], String)}, with what the caller knows of the agency's year before: table A's
   * figures run together may then be split by their continuity with it.
   */
  public static Report read(byte[] bytes, String sourceName, PreviousYear previousYear)
      throws UnreadableDocumentException {
    Document document = DocumentReaders.read(bytes);
    return recognise(document, new Source(sourceName, sha256(bytes), document.format(), document.encoding(),
        document.reader()), previousYear);
  }

  /**
   * Recognises and validates an already-read document.
   *
   * @throws UnreadableDocumentException when the document is not a report ({@link ReportShape}: fewer than
   *     three of the six sections, or none of the three tables)
   */
  public static Report recognise(Document document, Source source) throws UnreadableDocumentException {
    return recognise(document, source, PreviousYear.NONE);
  }

  /** Recognises and validates an already-read document, with what the caller knows of the year before. */
  public static Report recognise(Document document, Source source, PreviousYear previousYear)
      throws UnreadableDocumentException {
    RecognisedReport recognised = Recogniser.recognise(document, previousYear);
    ReportShape.require(recognised, document.format());
    Report report = recognised.report().withSource(source);
    return report.withFindings(SingleReportRules.check(recognised.withReport(report)));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

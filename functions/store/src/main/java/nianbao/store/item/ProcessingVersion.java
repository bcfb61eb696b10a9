package nianbao.store.item;

/**
 * What produced a stored report: the rule version and the document reader's version. A stored report whose key
 * differs from what the running code would write is re-processed.
 */
public final class ProcessingVersion {
  private ProcessingVersion() {}

  /**
   * {@code rules/1|txt/1} for a report; for a file that could not be read, {@code rules/1|rejected:doc} when no
   * reader took it (retried when a reader for its format arrives) and {@code rules/1|rejected:pdf/1} when a reader
   * did (retried when that reader's version changes) — and both when the rules change.
   */
  public static String key(String rulesVersion, String reader, String kind, String format) {
    String r = rulesVersion == null ? "rules/?" : rulesVersion;
    if (ReportHead.KIND_REJECTED.equals(kind)) {
      return r + "|rejected:" + (reader != null ? reader : format == null ? "unknown" : format);
    }
    return r + "|" + (reader == null ? "?" : reader);
  }
}

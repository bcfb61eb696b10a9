package nianbao.core.recognise;

import nianbao.core.model.Proactive;

/**
 * What the caller knows of the agency's year before, for reading this year's report: its table A. The core reads
 * one report at a time; a caller that keeps earlier reports (ingest, with its store) supplies them here, so that
 * figures run together in table A ("行政规范性文件77132470") can be split where 现行有效 continues from the year
 * before: 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y).
 */
@FunctionalInterface
public interface PreviousYear {
  /** Knows no earlier report. */
  PreviousYear NONE = (agency, year) -> null;

  /**
   * The table A the agency published for {@code year}, or null when unknown. Asked at most once per report, and
   * only when a row of table A cannot be split otherwise.
   */
  Proactive tableA(String agency, int year);
}

package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.recognise.RecognisedReport;

/** One rule of docs/FORMAT.md's table over one report. */
public interface Rule {
  String id();

  void check(RecognisedReport report, List<Finding> out);

  /**
   * Rules that add cells up are not applied where a cell they need is blank; they say where, and rule S2
   * reports it once.
   */
  interface NeedsCells extends Rule {
    /** The places this rule skipped for blank cells, in words (empty when none). */
    List<String> skipped(RecognisedReport report);
  }
}

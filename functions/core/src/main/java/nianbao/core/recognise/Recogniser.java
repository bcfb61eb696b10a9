package nianbao.core.recognise;

import java.util.List;
import nianbao.core.document.Document;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.core.model.Applications;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.model.Sections;
import nianbao.core.recognise.SectionFinder.Headings;
import nianbao.core.recognise.TitleFinder.Title;
import nianbao.core.region.RegionResolver;

/**
 * Finds the report in a document's blocks: title (agency, year), the six sections, and tables A, B, C.
 * Works on labels and headings rather than on layout, so text extracted from any format — with columns
 * shifted, rows split over lines, cells run together — reads the same as a clean table.
 */
public final class Recogniser {
  private Recogniser() {}

  public static RecognisedReport recognise(Document document) throws UnreadableDocumentException {
    return recognise(document, PreviousYear.NONE);
  }

  /** @param previousYear the agency's table A of the year before, where the caller knows it */
  public static RecognisedReport recognise(Document document, PreviousYear previousYear)
      throws UnreadableDocumentException {
    FlatText flat = FlatText.of(document.blocks());
    Headings headings = SectionFinder.find(flat);
    Title title = TitleFinder.find(flat, headings);
    int textEnd = SectionFinder.endOfLastSection(flat, headings);
    RecognitionNotes notes = new RecognitionNotes();
    for (int s = 0; s < 6; s++) {
      if (!headings.found(s)) {
        notes.missing(Location.section(SectionFinder.NUMERALS[s]));
      } else if (headings.damaged()[s] != null) {
        String numeral = SectionFinder.NUMERALS[s];
        notes.assume(Location.section(numeral), "第" + numeral + "部分的标题印作“" + headings.damaged()[s]
            + "”，按编号与字样认作该部分的标题", null, headings.damaged()[s]);
      }
    }

    int[] overview = region(flat, headings, 0, textEnd);
    String overviewText = flat.text.substring(overview[0], overview[1]);
    RunTogetherFigures.Evidence evidence = new RunTogetherFigures.Evidence(NarrativeFigures.counts(overviewText),
        StatedDocumentCounts.read(overviewText, title.year()), () -> title.agency() == null || title.year() == null
            ? null : previousYear.tableA(title.agency(), title.year() - 1), title.year());

    int[] tableA = region(flat, headings, 1, textEnd);
    Boolean layout2019 = ProactiveRecogniser.is2019Layout(flat, tableA[0], tableA[1]);
    boolean template2019 = layout2019 != null ? layout2019 : title.year() != null && title.year() <= 2020;
    ProactiveRecogniser.Result proactive =
        ProactiveRecogniser.recognise(flat, tableA[0], tableA[1], template2019, evidence, notes);

    int[] tableB = region(flat, headings, 2, textEnd);
    ApplicationsRecogniser.Result applications = ApplicationsRecogniser.recognise(flat, tableB[0], tableB[1], notes);

    int[] tableC = region(flat, headings, 3, textEnd);
    ReviewRecogniser.Result review = ReviewRecogniser.recognise(flat, tableC[0], tableC[1], notes);

    // Whether this is a report at all (sections and tables found) is ReportShape's decision, not made here.
    Sections sections = new Sections(
        sectionText(flat, headings, 0, textEnd),
        sectionText(flat, headings, 4, textEnd),
        sectionText(flat, headings, 5, textEnd));
    Applications table = applications.table();
    Report report = new Report(Report.SCHEMA_VERSION, null, title.title(), title.agency(), title.year(),
        template2019 ? Report.TEMPLATE_2019 : Report.TEMPLATE_2021,
        title.agency() == null ? null : RegionResolver.resolve(title.agency(), narrative(sections)),
        sections, proactive.table(), table, review.table(), List.of(), EvidenceResolver.resolve(flat, notes.sources),
        PrintedDates.find(flat.text, headings.found(5) ? headings.end()[5] : -1, title.year()));
    return new RecognisedReport(report, List.copyOf(notes.missing), List.copyOf(notes.assumptions),
        List.copyOf(notes.invalid), proactive.feeDecimals(), List.copyOf(notes.unsure));
  }

  /** Words that only a table's own header prints: where a section's heading is lost, its table starts there. */
  private static final String[][] TABLE_ANCHORS = {{}, {"第二十条", "本年制发件数", "本年新制作数量"},
      {"勾稽关系", "本年新收", "申请人情况"}, {"结果维持", "尚未审结"}, {}, {}};

  /**
   * Where section {@code s}'s content lies: from the end of its heading to the next heading found. When its
   * own heading is missing, its table is looked for from the first of its anchor words after the last
   * heading found before it — never in the narrative, whose words would pass for table labels.
   */
  private static int[] region(FlatText flat, Headings headings, int s, int textEnd) {
    int to = headings.contentEnd(s, textEnd);
    if (headings.found(s)) {
      return new int[] {headings.end()[s], Math.max(headings.end()[s], to)};
    }
    int from = 0;
    for (int p = s - 1; p >= 0; p--) {
      if (headings.found(p)) {
        from = headings.end()[p];
        break;
      }
    }
    int anchor = -1;
    int compactFrom = flat.compactPos(from);
    int compactTo = flat.compactPos(to);
    for (String word : TABLE_ANCHORS[s]) {
      int at = flat.compact.indexOf(word, compactFrom);
      if (at >= 0 && at < compactTo && (anchor < 0 || at < anchor)) {
        anchor = at;
      }
    }
    if (TABLE_ANCHORS[s].length > 0) {
      int start = anchor < 0 ? to : flat.textPos(anchor);
      return new int[] {start, Math.max(start, to)};
    }
    return new int[] {from, Math.max(from, to)};
  }

  private static String sectionText(FlatText flat, Headings headings, int s, int textEnd) {
    if (!headings.found(s)) {
      return null;
    }
    return flat.printed(headings.end()[s], headings.contentEnd(s, textEnd));
  }

  private static String narrative(Sections sections) {
    StringBuilder out = new StringBuilder();
    for (String s : new String[] {sections.overview(), sections.problems(), sections.other()}) {
      if (s != null) {
        out.append(s).append('\n');
      }
    }
    return out.toString();
  }
}

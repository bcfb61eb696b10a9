package nianbao.core.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;

/**
 * Writes a {@link GeneratedReport} as report text in a {@link Layout}, the way the seeds and samples look:
 * tab-separated cells with label cells spread over columns (seeds 000–004), or a web page flattened to
 * one line with each row's digits run together (sample 04). Returns what it printed for every table row,
 * so the tests can work out what the text still says.
 */
final class ReportRenderer {
  private ReportRenderer() {}

  /** The text, and each table row as printed: table B by row key, table A's two three-cell rows, table C. */
  record Rendered(String text, Map<String, PrintedRow> applications, Map<String, PrintedRow> documentCounts,
      PrintedRow review) {}

  private static final String PREAMBLE = "本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅有关要求编制。";
  private static final String[] HEADINGS = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};
  private static final String BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  private static final String REVIEW_RESULTS = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计";

  /** Table B's label cells per row as the seeds spread them: item, sub-item, numbered reason. */
  private static final Map<String, List<String>> LABELS = new LinkedHashMap<>();

  static {
    label("newReceived", "一、本年新收政府信息公开申请数量", "");
    label("carriedOver", "二、上年结转政府信息公开申请数量", "");
    label("granted", "三、本年度办理结果", "（一）予以公开");
    label("partiallyGranted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    group("（三）不予公开", "denied.stateSecret", "1.属于国家秘密", "denied.prohibitedByLaw", "2.其他法律行政法规禁止公开",
        "denied.threeSecurityOneStability", "3.危及“三安全一稳定”", "denied.thirdPartyRights", "4.保护第三方合法权益",
        "denied.internalAffairs", "5.属于三类内部事务信息", "denied.processInformation", "6.属于四类过程性信息",
        "denied.lawEnforcementFile", "7.属于行政执法案卷", "denied.administrativeQuery", "8.属于行政查询事项");
    group("（四）无法提供", "unavailable.notHeld", "1.本机关不掌握相关政府信息", "unavailable.needsCreation",
        "2.没有现成信息需要另行制作", "unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确");
    group("（五）不予处理", "notProcessed.complaint", "1.信访举报投诉类申请", "notProcessed.duplicate", "2.重复申请",
        "notProcessed.publication", "3.要求提供公开出版物", "notProcessed.massRepeated", "4.无正当理由大量反复申请",
        "notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息");
    group("（六）其他处理", "other.overdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other.overdueFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "other.other", "3.其他");
    label("total", "", "（七）总计");
    label("carriedForward", "四、结转下年度继续办理", "");
  }

  private static void label(String key, String... cells) {
    LABELS.put(key, List.of(cells));
  }

  private static void group(String heading, String... keysAndLabels) {
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      label(keysAndLabels[i], "", i == 0 ? heading : "", keysAndLabels[i + 1]);
    }
  }

  static Rendered render(GeneratedReport report, Layout layout) {
    return new ReportRenderer.Writer(report, layout).write();
  }

  private static final class Writer {
    private final GeneratedReport report;
    private final Layout layout;
    private final Map<String, PrintedRow> applications = new LinkedHashMap<>();
    private final Map<String, PrintedRow> documentCounts = new LinkedHashMap<>();
    private PrintedRow review;
    /** Lines of the body; flattened, they become one line. */
    private final List<String> lines = new ArrayList<>();

    Writer(GeneratedReport report, Layout layout) {
      this.report = report;
      this.layout = layout;
    }

    Rendered write() {
      heading(PREAMBLE);
      heading(HEADINGS[0]);
      report.overview().forEach(this::paragraph);
      heading(HEADINGS[1]);
      tableA();
      heading(HEADINGS[2]);
      tableB();
      heading(HEADINGS[3]);
      tableC();
      heading(HEADINGS[4]);
      report.problems().forEach(this::paragraph);
      heading(HEADINGS[5]);
      report.other().forEach(this::paragraph);
      String body = layout.flattened() ? String.join("", lines) : String.join("\n", lines) + "\n";
      String text = report.title() + "\n\n" + body;
      return new Rendered(text, Collections.unmodifiableMap(applications),
          Collections.unmodifiableMap(documentCounts), review);
    }

    private void heading(String text) {
      if (layout.flattened()) {
        lines.add(" " + text + " ");
      } else {
        lines.add(text);
        lines.add("");
      }
    }

    private void paragraph(String text) {
      if (layout.flattened()) {
        lines.add(text);
      } else {
        lines.add(text);
        lines.add("");
      }
    }

    // ---- table A: 第二十条 rows, no arithmetic ----------------------------------------------------------

    private void tableA() {
      Map<String, List<Long>> counts = report.documentCounts();
      row(List.of("第二十条第（一）项"), List.of(), "\t\t\t");
      row(List.of("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"), List.of(), "");
      documentRow("regulations", "规章", counts.get("regulations"));
      documentRow("normativeDocuments", "行政规范性文件", counts.get("normativeDocuments"));
      row(List.of("第二十条第（五）项"), List.of(), "\t\t\t");
      row(List.of("信息内容", "本年处理决定数量"), List.of(), "\t\t");
      row(List.of("行政许可"), List.of(Long.toString(report.decisions().get("licensing"))), "\t\t");
      row(List.of("第二十条第（六）项"), List.of(), "\t\t\t");
      row(List.of("信息内容", "本年处理决定数量"), List.of(), "\t\t");
      row(List.of("行政处罚"), List.of(Long.toString(report.decisions().get("punishment"))), "\t\t");
      row(List.of("行政强制"), List.of(Long.toString(report.decisions().get("enforcement"))), "\t\t");
      row(List.of("第二十条第（八）项"), List.of(), "\t\t\t");
      row(List.of("信息内容", "本年收费金额（单位：万元，保留4位小数）"), List.of(), "\t\t");
      row(List.of("行政事业性收费"), List.of(report.fee()), "\t\t");
      blankLine();
    }

    private void documentRow(String key, String label, List<Long> cells) {
      List<String> values = strings(cells);
      if (layout.flattened()) {
        values = List.of(String.join("", values));
      }
      documentCounts.put(key, new PrintedRow(values, false));
      row(List.of(label), values, "");
    }

    // ---- table B: 25 rows × 7 columns --------------------------------------------------------------

    private void tableB() {
      String total = layout.headerWithoutTotal() ? "" : "总计";
      row(List.of(BALANCE_NOTE, "", "申请人情况", "", "", "", "", "", "", total), List.of(), "\t");
      row(List.of("", "", "自然人", "法人或其他组织", "", "", "", "", ""), List.of(), "\t");
      row(List.of("", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""), List.of(), "\t");
      for (String key : Applications.ROWS) {
        List<String> printed = applicationValues(key, report.applications().get(key));
        boolean onlyTotal = layout.onlyTotal().contains(key);
        applications.put(key, new PrintedRow(onlyTotal ? List.of(printed.get(printed.size() - 1)) : printed,
            onlyTotal));
        List<String> labels = LABELS.get(key);
        if (layout.brokenLabels().contains(key)) {
          labels = broken(labels);
        }
        row(labels, printed, layout.trailingTabs() ? "\t" : "");
      }
      blankLine();
    }

    /** The value cells as printed: blank cells are "" (tab-separated layouts only keep them as cells). */
    private List<String> applicationValues(String key, List<Long> cells) {
      List<String> values = new ArrayList<>(strings(cells));
      if (layout.onlyTotal().contains(key)) {
        for (int c = 0; c < 6; c++) {
          values.set(c, "");
        }
        return layout.separator() == Layout.Separator.TABS ? values : List.of(values.get(6));
      }
      if (layout.lostTotal(key)) {
        values.remove(6);
      }
      for (int i = 0; i < layout.extraValues(key); i++) {
        values.add("0");
      }
      return layout.flattened() ? List.of(String.join("", values)) : values;
    }

    /** The last label cell broken in the middle: the head ends one line, the tail starts the next. */
    private List<String> broken(List<String> labels) {
      List<String> out = new ArrayList<>(labels);
      int last = out.size() - 1;
      while (out.get(last).isEmpty()) {
        last--;
      }
      String label = out.get(last);
      int start = Character.isDigit(label.charAt(0)) ? 2 : 0; // never between "2" and "."
      int at = start + (label.length() - start) / 2;
      out.set(last, label.substring(0, at) + (layout.flattened() ? " " : "\n") + label.substring(at));
      return out;
    }

    // ---- table C: one row of fifteen values under a two-level header --------------------------------

    private void tableC() {
      List<String> values = new ArrayList<>();
      report.review().values().forEach(group -> values.addAll(strings(group)));
      if (layout.reviewExtraValue()) {
        values.add("0");
      }
      if (layout.flattened()) {
        lines.add("行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉 "
            + "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 ");
        String printed = layout.reviewRunTogether() ? String.join("", values) : String.join(" ", values);
        review = new PrintedRow(layout.reviewRunTogether() ? List.of(printed) : values, false);
        lines.add(printed + " ");
        return;
      }
      review = new PrintedRow(values, false);
      lines.add(cells("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t"));
      lines.add(cells(REVIEW_RESULTS + "\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t"));
      lines.add(cells("\t\t\t\t\t" + REVIEW_RESULTS + "\t" + REVIEW_RESULTS));
      lines.add(cells(String.join("\t", values) + (layout.trailingTabs() ? "\t" : "")));
      blankLine();
    }

    // ---- one table row in the layout ----------------------------------------------------------------

    /**
     * A row: label cells then value cells. Tab-separated, the cells keep their columns; flattened, the
     * label runs into the digits and the digits into the next label, as on the web page.
     */
    private void row(List<String> labels, List<String> values, String trailing) {
      if (layout.flattened()) {
        String label = String.join(" ", labels.stream().filter(s -> !s.isEmpty()).toList());
        String digits = String.join(" ", values.stream().filter(s -> !s.isEmpty()).toList());
        lines.add(brackets(label) + (digits.isEmpty() ? "" : " " + digits)
            + (layout.spaceBeforeLabels() && !digits.isEmpty() ? " " : ""));
        return;
      }
      String label = brackets(String.join("\t", labels));
      String cells = String.join("\t", values);
      if (values.isEmpty()) {
        lines.add(cells(label + trailing));
      } else if (layout.numbersBelow()) {
        lines.add(cells(label));
        lines.add(cells("\t" + cells + trailing));
      } else {
        lines.add(cells(label + "\t" + cells + trailing));
      }
    }

    private void blankLine() {
      if (!layout.flattened()) {
        lines.add("");
      }
    }

    /** With spaces for tabs, runs of empty cells become one space, as text extraction prints them. */
    private String cells(String line) {
      if (layout.separator() != Layout.Separator.SPACES) {
        return line;
      }
      return line.replaceAll("\t+", " ").strip();
    }

    private String brackets(String label) {
      if (layout.fullWidth()) {
        return label;
      }
      return label.replace("（", "(").replace("）", ") ").replace("：", ":").replace("，", ", ");
    }
  }

  private static List<String> strings(List<Long> cells) {
    return cells.stream().map(String::valueOf).toList();
  }
}

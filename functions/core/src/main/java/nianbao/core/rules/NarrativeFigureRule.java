package nianbao.core.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation.Group;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.recognise.StatedDocumentCounts;
import nianbao.core.vocabulary.Vocabulary;

/**
 * X1: a figure the text states — applications received (受理/收到…申请 13 件), administrative reviews, lawsuits,
 * and on the 2021 template 规章 and 行政规范性文件 制发 / 废止 / 现行有效 — disagrees with the table. Only the first
 * statement of each kind in section 一 is compared; table A's figures only where the text is plainly about that
 * cell ({@link StatedDocumentCounts}).
 */
public final class NarrativeFigureRule implements Rule {
  private static final Pattern COUNT = Pattern.compile("(\\d+)\\s*件");
  private static final Pattern REVIEW = Pattern.compile("行政复议(?:案件|申请)?(?:共|有)?\\s*(\\d+)\\s*件");
  private static final Pattern LAWSUIT = Pattern.compile("行政诉讼(?:案件)?(?:共|有)?\\s*(\\d+)\\s*件");
  private static final String[] RECEIVED = {"收到", "受理", "接收", "新收"};

  @Override
  public String id() {
    return "X1";
  }

  @Override
  public void check(RecognisedReport recognised, List<Finding> out) {
    Report report = recognised.report();
    String overview = report.sections().overview();
    if (overview == null) {
      return;
    }
    String text = normalise(overview);
    Long received = statedReceived(text);
    Long tableReceived = total(report.applications().rows().get("newReceived"));
    if (received != null && tableReceived != null && !received.equals(tableReceived)) {
      out.add(Finding.warning(id(), Location.cell("三", "newReceived", "total"),
          "正文称收到政府信息公开申请 " + received + " 件，表中“本年新收”总计为 " + tableReceived + " 件",
          tableReceived, received));
    }
    Long reviews = first(REVIEW, "行政复议", text);
    Group review = report.reviewAndLitigation().adminReview();
    if (reviews != null && review.total() != null && !reviews.equals(review.total())) {
      out.add(Finding.warning(id(), Location.cell("四", "adminReview", "total"),
          "正文称行政复议 " + reviews + " 件，表中行政复议总计为 " + review.total() + " 件", review.total(), reviews));
    }
    Long lawsuits = first(LAWSUIT, "行政诉讼", text);
    Group direct = report.reviewAndLitigation().litigationDirect();
    Group afterReview = report.reviewAndLitigation().litigationAfterReview();
    if (lawsuits != null && direct.total() != null && afterReview.total() != null
        && lawsuits != direct.total() + afterReview.total()) {
      long tableLawsuits = direct.total() + afterReview.total();
      out.add(Finding.warning(id(), Location.cell("四", "litigationDirect", "total"),
          "正文称行政诉讼 " + lawsuits + " 件，表中两类行政诉讼总计为 " + tableLawsuits + " 件", tableLawsuits, lawsuits));
    }
    if (report.proactive() instanceof Proactive2021 tableA) {
      checkDocumentCounts(tableA, StatedDocumentCounts.read(overview, report.year()), out);
    }
  }

  private static final List<String> DOCUMENT_COLUMNS = List.of("issued", "repealed", "inForce");
  private static final List<String> DOCUMENT_COLUMN_NAMES = List.of("本年制发", "本年废止", "现行有效");

  private void checkDocumentCounts(Proactive2021 tableA, List<StatedDocumentCounts.Statement> stated,
      List<Finding> out) {
    for (StatedDocumentCounts.Statement s : stated) {
      Proactive2021.DocumentCounts row = s.row().equals("regulations") ? tableA.regulations()
          : tableA.normativeDocuments();
      if (row == null) {
        continue;
      }
      int c = DOCUMENT_COLUMNS.indexOf(s.column());
      Long cell = c == 0 ? row.issued() : c == 1 ? row.repealed() : row.inForce();
      if (cell != null && cell != s.value()) {
        String name = DOCUMENT_COLUMN_NAMES.get(c);
        String rowName = Vocabulary.rowName(s.row());
        out.add(Finding.warning(id(), Location.cell("二", s.row(), s.column()),
            "正文称" + name + rowName + " " + s.value() + " 件，表中“" + rowName + "”的" + name
                + "件数为 " + cell + " 件", cell, s.value()));
      }
    }
  }

  /**
   * The first sentence saying how many applications were received; "未收到…申请" says none. Only a sentence that
   * names 申请 can say it, so the sentences looked at are those around each 申请, in order, each once.
   */
  static Long statedReceived(String text) {
    int n = text.length();
    int sentenceEnd = -1;
    for (int at = text.indexOf("申请"); at >= 0; at = text.indexOf("申请", Math.max(at + 1, sentenceEnd + 1))) {
      int start = at;
      while (start > 0 && !isSentenceEnd(text.charAt(start - 1))) {
        start--;
      }
      sentenceEnd = at;
      while (sentenceEnd < n && !isSentenceEnd(text.charAt(sentenceEnd))) {
        sentenceEnd++;
      }
      Long stated = receivedIn(text.substring(start, sentenceEnd));
      if (stated != null) {
        return stated;
      }
    }
    return null;
  }

  private static boolean isSentenceEnd(char c) {
    return switch (c) {
      case '。', '；', ';', '!', '！', '?', '？', '\n' -> true;
      default -> false;
    };
  }

  private static Long receivedIn(String sentence) {
    if (!sentence.contains("申请") || sentence.contains("复议") || sentence.contains("诉讼")) {
      return null;
    }
    if (sentence.contains("未收到") || sentence.contains("没有收到") || sentence.contains("未受理")) {
      return 0L;
    }
    for (String keyword : RECEIVED) {
      int at = sentence.indexOf(keyword);
      if (at >= 0) {
        Matcher m = COUNT.matcher(sentence);
        if (m.find(at)) {
          return Long.parseLong(m.group(1));
        }
      }
    }
    return null;
  }

  /** The figure of the first "行政复议…N件" (or 行政诉讼), looked for only where the word occurs. */
  private static Long first(Pattern pattern, String word, String text) {
    int at = text.indexOf(word);
    if (at < 0) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find(at) && m.group(1).length() < 10 ? Long.parseLong(m.group(1)) : null;
  }

  private static Long total(List<Long> row) {
    Long total = row.get(Applications.TOTAL_COLUMN);
    if (total != null) {
      return total;
    }
    return RowTotalRule.sumOfApplicants(row);
  }

  static String normalise(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = nianbao.core.recognise.FlatText.normalise(chars[i]);
    }
    return new String(chars);
  }
}

package nianbao.core.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nianbao.core.model.Severity;

/**
 * The words of the national template (国办公开办函〔2021〕30号 and the 2019 layout) and of nianbao's own findings,
 * in one place: every key of the report JSON with the label the template prints and the name messages, lists and
 * exports use; the rules with their wording; the statuses of a stored report; the severities. Core's messages, the
 * API's exports and the page (through {@code frontend/src/generated/vocabulary.json}, written from this class by
 * {@link VocabularyJson}) all read it here.
 */
public final class Vocabulary {
  private Vocabulary() {}

  /** A key and its label. */
  public record Term(String key, String label) {}

  /**
   * A row of a table.
   *
   * @param printed the row's label as the template prints it, list number included ("1.属于国家秘密")
   * @param name    the row's name on its own, for messages, lists and exports ("不予公开·国家秘密")
   * @param group   the heading the template prints the row under ("（三）不予公开", "第二十条第（一）项"), or null
   */
  public record Row(String key, String printed, String name, String group) {}

  /** A rule: its id, the severity of its findings, and what it checks in a few words. */
  public record Rule(String id, Severity severity, String label) {}

  // ------------------------------------------------------------------------------------------------ sections

  /** The six sections by their number, and the title (where an M1 finding is placed). */
  public static final List<Term> SECTIONS = List.of(
      new Term("一", "一、总体情况"), new Term("二", "二、主动公开政府信息情况"),
      new Term("三", "三、收到和处理政府信息公开申请情况"), new Term("四", "四、政府信息公开行政复议、行政诉讼情况"),
      new Term("五", "五、存在的主要问题及改进情况"), new Term("六", "六、其他需要报告的事项"),
      new Term("标题", "标题"));

  /** The text sections of the JSON ({@code sections.overview} …), each with its section. */
  public static final List<Term> TEXT_SECTIONS = List.of(
      new Term("overview", "一"), new Term("problems", "五"), new Term("other", "六"));

  // ------------------------------------------------------------------------------------------------ table A

  private static final String A1 = "第二十条第（一）项";
  private static final String A5 = "第二十条第（五）项";
  private static final String A6 = "第二十条第（六）项";
  private static final String A8 = "第二十条第（八）项";
  private static final String A9 = "第二十条第（九）项";

  /** Table A of the 2021 template, in printed order. */
  public static final List<Row> A_ROWS = List.of(
      new Row("regulations", "规章", "规章", A1),
      new Row("normativeDocuments", "行政规范性文件", "行政规范性文件", A1),
      new Row("licensing", "行政许可", "行政许可", A5),
      new Row("punishment", "行政处罚", "行政处罚", A6),
      new Row("enforcement", "行政强制", "行政强制", A6),
      new Row("fees", "行政事业性收费", "行政事业性收费", A8));

  /** Table A of the 2019 template, in printed order. */
  public static final List<Row> A2019_ROWS = List.of(
      new Row("regulations", "规章", "规章", A1),
      new Row("normativeDocuments", "规范性文件", "规范性文件", A1),
      new Row("licensing", "行政许可", "行政许可", A5),
      new Row("otherServices", "其他对外管理服务事项", "其他对外管理服务事项", A5),
      new Row("punishment", "行政处罚", "行政处罚", A6),
      new Row("enforcement", "行政强制", "行政强制", A6),
      new Row("fees", "行政事业性收费", "行政事业性收费", A8),
      new Row("procurement", "政府集中采购", "政府集中采购", A9));

  /** The cells of table A's rows (2021: of 规章 and 行政规范性文件; 2019: of every row) as their headers print them. */
  public static final List<Term> A_CELLS = List.of(
      new Term("issued", "本年制发件数"), new Term("repealed", "本年废止件数"), new Term("inForce", "现行有效件数"),
      new Term("newlyMade", "本年新制作数量"), new Term("newlyPublished", "本年新公开数量"),
      new Term("publishedTotal", "对外公开总数量"), new Term("itemsLastYear", "上一年项目数量"),
      new Term("itemsChange", "本年增/减"), new Term("decisions", "处理决定数量"),
      new Term("items", "采购项目数量"), new Term("amount", "采购总金额"));

  /** Header words of table A that are no row or cell (the 2021 template's rows of one value have these). */
  public static final Map<String, String> A_HEADINGS = orderedMap("content", "信息内容",
      "decisions", "本年处理决定数量", "fees", "本年收费金额（单位：万元）");

  // ------------------------------------------------------------------------------------------------ table B

  /** The applicant columns of table B, in order, as printed (the five under 法人或其他组织 too). */
  public static final List<Term> B_COLUMNS = List.of(
      new Term("naturalPerson", "自然人"), new Term("commercialEnterprise", "商业企业"),
      new Term("researchInstitution", "科研机构"), new Term("socialWelfareOrganization", "社会公益组织"),
      new Term("legalServiceOrganization", "法律服务机构"), new Term("otherOrganization", "其他"),
      new Term("total", "总计"));

  private static final String B3 = "三、本年度办理结果";
  private static final String DENIED = "（三）不予公开";
  private static final String UNAVAILABLE = "（四）无法提供";
  private static final String NOT_PROCESSED = "（五）不予处理";
  private static final String OTHER = "（六）其他处理";

  /** The 25 rows of table B, in printed order (the 2019 template prints （六）其他处理 as one row: other.other). */
  public static final List<Row> B_ROWS = List.of(
      new Row("newReceived", "一、本年新收政府信息公开申请数量", "本年新收申请", null),
      new Row("carriedOver", "二、上年结转政府信息公开申请数量", "上年结转申请", null),
      new Row("granted", "（一）予以公开", "予以公开", B3),
      new Row("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开", B3),
      new Row("denied.stateSecret", "1.属于国家秘密", "不予公开·国家秘密", DENIED),
      new Row("denied.prohibitedByLaw", "2.其他法律行政法规禁止公开", "不予公开·法律行政法规禁止", DENIED),
      new Row("denied.threeSecurityOneStability", "3.危及“三安全一稳定”", "不予公开·三安全一稳定", DENIED),
      new Row("denied.thirdPartyRights", "4.保护第三方合法权益", "不予公开·第三方合法权益", DENIED),
      new Row("denied.internalAffairs", "5.属于三类内部事务信息", "不予公开·内部事务", DENIED),
      new Row("denied.processInformation", "6.属于四类过程性信息", "不予公开·过程性信息", DENIED),
      new Row("denied.lawEnforcementFile", "7.属于行政执法案卷", "不予公开·行政执法案卷", DENIED),
      new Row("denied.administrativeQuery", "8.属于行政查询事项", "不予公开·行政查询事项", DENIED),
      new Row("unavailable.notHeld", "1.本机关不掌握相关政府信息", "无法提供·本机关不掌握", UNAVAILABLE),
      new Row("unavailable.needsCreation", "2.没有现成信息需要另行制作", "无法提供·需另行制作", UNAVAILABLE),
      new Row("unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", "无法提供·补正后仍不明确",
          UNAVAILABLE),
      new Row("notProcessed.complaint", "1.信访举报投诉类申请", "不予处理·信访举报投诉", NOT_PROCESSED),
      new Row("notProcessed.duplicate", "2.重复申请", "不予处理·重复申请", NOT_PROCESSED),
      new Row("notProcessed.publication", "3.要求提供公开出版物", "不予处理·公开出版物", NOT_PROCESSED),
      new Row("notProcessed.massRepeated", "4.无正当理由大量反复申请", "不予处理·大量反复申请", NOT_PROCESSED),
      new Row("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "不予处理·确认或重新出具",
          NOT_PROCESSED),
      new Row("other.overdueCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          "其他处理·逾期不补正", OTHER),
      new Row("other.overdueFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
          "其他处理·逾期未缴费", OTHER),
      new Row("other.other", "3.其他", "其他处理·其他", OTHER),
      new Row("total", "（七）总计", "办理结果总计", B3),
      new Row("carriedForward", "四、结转下年度继续办理", "结转下年度继续办理", null));

  /**
   * The six kinds of outcome (table B's rows 三（一）…（六）): the row key, or the prefix of the keys of its
   * group ({@code denied} for {@code denied.*}); label as the template prints it, without its number.
   */
  public static final List<Term> OUTCOMES = List.of(
      new Term("granted", "予以公开"), new Term("partiallyGranted", "部分公开"), new Term("denied", "不予公开"),
      new Term("unavailable", "无法提供"), new Term("notProcessed", "不予处理"), new Term("other", "其他处理"));

  /** Header words of table B that are no row or column. */
  public static final Map<String, String> B_HEADINGS = orderedMap(
      "balance", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "applicants", "申请人情况", "organisations", "法人或其他组织", "outcomes", B3,
      "otherOneLine", OTHER);

  // ------------------------------------------------------------------------------------------------ table C

  /** The three groups of table C; their names as docs/FORMAT.md gives them, {@code printed} as the template heads them. */
  public static final List<Row> C_GROUPS = List.of(
      new Row("adminReview", "行政复议", "行政复议", null),
      new Row("litigationDirect", "未经复议直接起诉", "行政诉讼·未经复议直接起诉", "行政诉讼"),
      new Row("litigationAfterReview", "复议后起诉", "行政诉讼·复议后起诉", "行政诉讼"));

  public static final List<Term> C_CELLS = List.of(
      new Term("upheld", "结果维持"), new Term("corrected", "结果纠正"), new Term("other", "其他结果"),
      new Term("pending", "尚未审结"), new Term("total", "总计"));

  // ------------------------------------------------------------------------------------------------ findings

  /** Every rule, in the order lists show them. */
  public static final List<Rule> RULES = List.of(
      new Rule("B1", Severity.ERROR, "申请表勾稽关系（新收＋结转＝总计＋结转下年）"),
      new Rule("B2", Severity.ERROR, "申请人各列之和等于总计列"),
      new Rule("B3", Severity.ERROR, "办理结果各项之和等于总计"),
      new Rule("C1", Severity.ERROR, "复议、诉讼各组总计"),
      new Rule("N1", Severity.ERROR, "数值格式（非负整数、金额）"),
      new Rule("S1", Severity.ERROR, "章节与表格行完整"),
      new Rule("S2", Severity.NOTE, "数字如何拆分、单元格如何放置（只填总计列时为警告）"),
      new Rule("S3", Severity.WARNING, "“存在的主要问题”内容空泛"),
      new Rule("T1", Severity.WARNING, "表格未能可靠识别，需人工核对"),
      new Rule("M1", Severity.WARNING, "标题缺少机关或年度"),
      new Rule("X1", Severity.WARNING, "正文数字与表格不符"),
      new Rule("X2", Severity.ERROR, "上年结转与上年度结转下年不符"),
      new Rule("X3", Severity.WARNING, "正文出现其他机关或地方名称"),
      new Rule("X4", Severity.WARNING, "现行有效件数与上年度不衔接"),
      new Rule("X5", Severity.WARNING, "与上年度报告大量重复"));

  /** A stored report's status (the store's {@code VALID}, {@code HAS_ERRORS}, {@code REJECTED}). */
  public static final List<Term> STATUSES = List.of(
      new Term("VALID", "通过"), new Term("HAS_ERRORS", "有错误"), new Term("REJECTED", "未能识别"));

  /** A report's review state (core's {@code ReviewStates}): apart from its status and from upload states. */
  public static final List<Term> REVIEW_STATES = List.of(new Term("PENDING", "待审核"),
      new Term("REVIEWED", "已审核"), new Term("NOTIFIED", "已通知整改"), new Term("RECTIFIED", "已整改"));

  /** A finding's severity, by its JSON value ({@code note}: a reading note, how nianbao read the document). */
  public static final List<Term> SEVERITIES = List.of(new Term("error", "错误"), new Term("warning", "警告"),
      new Term("note", "读取说明"));

  /**
   * What may be uploaded (POST /uploads, the page's upload view, the command line): a file's extension, the
   * Content-Type it is declared with, and what it is. The one list of accepted types: the API and the page read it.
   */
  public record UploadType(String extension, String contentType, String label) {}

  public static final List<UploadType> UPLOAD_TYPES = List.of(
      new UploadType("txt", "text/plain", "纯文本"),
      new UploadType("md", "text/markdown", "Markdown"),
      new UploadType("htm", "text/html", "网页"),
      new UploadType("html", "text/html", "网页"),
      new UploadType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word（.docx）"),
      new UploadType("pdf", "application/pdf", "PDF（含扫描版）"),
      new UploadType("zip", "application/zip", "ZIP（多份报告，或一份报告的各页图片）"),
      new UploadType("tif", "image/tiff", "多页 TIFF 扫描件"),
      new UploadType("tiff", "image/tiff", "多页 TIFF 扫描件"),
      new UploadType("jpg", "image/jpeg", "JPEG 页面图片（放入 ZIP）"),
      new UploadType("jpeg", "image/jpeg", "JPEG 页面图片（放入 ZIP）"),
      new UploadType("png", "image/png", "PNG 页面图片（放入 ZIP）"));

  // ------------------------------------------------------------------------------------------------ lookups

  private static final Map<String, String> ROW_NAMES = rowNames();

  /** A row's (or table C group's) name for messages: "不予公开·国家秘密"; the key itself when unknown. */
  public static String rowName(String key) {
    return ROW_NAMES.getOrDefault(key, key);
  }

  /** A column of table B as printed: "自然人"; the key itself when unknown. */
  public static String columnName(String key) {
    return label(B_COLUMNS, key).orElse(key);
  }

  /** A section's heading: "三、收到和处理政府信息公开申请情况". */
  public static String sectionHeading(String section) {
    return label(SECTIONS, section).orElse(section);
  }

  public static List<String> ruleIds() {
    return RULES.stream().map(Rule::id).toList();
  }

  public static List<String> statuses() {
    return STATUSES.stream().map(Term::key).toList();
  }

  public static List<String> reviewStates() {
    return REVIEW_STATES.stream().map(Term::key).toList();
  }

  public static String reviewStateLabel(String state) {
    return label(REVIEW_STATES, state).orElse(state);
  }

  public static String severityLabel(Severity severity) {
    return label(SEVERITIES, severity.json()).orElse(severity.json());
  }

  /** The keys of table B's rows of one outcome ({@link #OUTCOMES}): {@code denied} → the eight denied.* rows. */
  public static List<String> outcomeRows(String outcome) {
    return B_ROWS.stream().map(Row::key).filter(k -> k.equals(outcome) || k.startsWith(outcome + ".")).toList();
  }

  private static Optional<String> label(List<Term> terms, String key) {
    return terms.stream().filter(t -> t.key().equals(key)).map(Term::label).findFirst();
  }

  private static Map<String, String> rowNames() {
    Map<String, String> names = new LinkedHashMap<>();
    Stream.of(A2019_ROWS, A_ROWS, B_ROWS, C_GROUPS).flatMap(List::stream).forEach(r -> names.put(r.key(), r.name()));
    return Map.copyOf(names);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}

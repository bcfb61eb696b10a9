package nianbao.core.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The labels the national templates (2019 and 2021) print, without list numbers or group headings: what a
 * damaged label is compared with. Also every other label of tables A, B and C and their headers, so that a
 * printed label that is really another row's (or a header) is never taken for a damaged one.
 */
final class TemplateLabels {
  private TemplateLabels() {}

  /** Each row key's label as the template prints it. */
  private static final Map<String, String> ROWS = Map.ofEntries(
      Map.entry("newReceived", "本年新收政府信息公开申请数量"),
      Map.entry("carriedOver", "上年结转政府信息公开申请数量"),
      Map.entry("granted", "予以公开"),
      Map.entry("partiallyGranted", "部分公开区分处理的只计这一情形不计其他情形"),
      Map.entry("denied.stateSecret", "属于国家秘密"),
      Map.entry("denied.prohibitedByLaw", "其他法律行政法规禁止公开"),
      Map.entry("denied.threeSecurityOneStability", "危及三安全一稳定"),
      Map.entry("denied.thirdPartyRights", "保护第三方合法权益"),
      Map.entry("denied.internalAffairs", "属于三类内部事务信息"),
      Map.entry("denied.processInformation", "属于四类过程性信息"),
      Map.entry("denied.lawEnforcementFile", "属于行政执法案卷"),
      Map.entry("denied.administrativeQuery", "属于行政查询事项"),
      Map.entry("unavailable.notHeld", "本机关不掌握相关政府信息"),
      Map.entry("unavailable.needsCreation", "没有现成信息需要另行制作"),
      Map.entry("unavailable.unclearAfterCorrection", "补正后申请内容仍不明确"),
      Map.entry("notProcessed.complaint", "信访举报投诉类申请"),
      Map.entry("notProcessed.duplicate", "重复申请"),
      Map.entry("notProcessed.publication", "要求提供公开出版物"),
      Map.entry("notProcessed.massRepeated", "无正当理由大量反复申请"),
      Map.entry("notProcessed.confirmation", "要求行政机关确认或重新出具已获取信息"),
      Map.entry("other.overdueCorrection", "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"),
      Map.entry("other.overdueFee", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"),
      Map.entry("other.other", "其他"),
      Map.entry("total", "总计"),
      Map.entry("carriedForward", "结转下年度继续办理"),
      Map.entry("regulations", "规章"),
      Map.entry("normativeDocuments", "行政规范性文件"),
      Map.entry("licensing", "行政许可"),
      Map.entry("otherServices", "其他对外管理服务事项"),
      Map.entry("punishment", "行政处罚"),
      Map.entry("enforcement", "行政强制"),
      Map.entry("fees", "行政事业性收费"),
      Map.entry("procurement", "政府集中采购"));

  /** Printed words that are no row of their own: group headings, column headers, table C's labels. */
  private static final List<String> OTHER_WORDS = List.of(
      "本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理", "申请人情况", "自然人", "法人或其他组织",
      "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他组织",
      "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
      "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
      "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额单位万元",
      "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增减", "处理决定数量",
      "采购项目数量", "采购总金额", "第二十条第一项", "第二十条第五项", "第二十条第六项", "第二十条第八项",
      "第二十条第九项");

  /** Group headings that a label may run into when its list number is lost ("（四）无法提供本机关…"). */
  static final List<String> GROUP_HEADINGS = List.of("本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理");

  /** Every label and header word, with the key it stands for (null for a word that is no row). */
  record Known(String key, String text) {}

  static final List<Known> ALL = all();

  /** The template label of a row key, or null. */
  static String of(String key) {
    return ROWS.get(key);
  }

  private static List<Known> all() {
    List<Known> all = new ArrayList<>();
    ROWS.forEach((key, text) -> all.add(new Known(key, text)));
    for (String word : OTHER_WORDS) {
      all.add(new Known(null, word));
    }
    return List.copyOf(all);
  }

  /** The characters of {@code s} that carry a label's meaning: CJK ideographs, nothing else. */
  static String letters(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (FlatText.isCjk(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}

package nianbao.core.rules;

import java.util.Map;

/** The Chinese names of FORMAT.md's keys, for messages people read. */
final class Labels {
  private Labels() {}

  static final Map<String, String> COLUMNS = Map.of(
      "naturalPerson", "自然人", "commercialEnterprise", "商业企业", "researchInstitution", "科研机构",
      "socialWelfareOrganization", "社会公益组织", "legalServiceOrganization", "法律服务机构",
      "otherOrganization", "其他组织", "total", "总计");

  static final Map<String, String> ROWS = Map.ofEntries(
      Map.entry("newReceived", "本年新收申请"), Map.entry("carriedOver", "上年结转申请"),
      Map.entry("granted", "予以公开"), Map.entry("partiallyGranted", "部分公开"),
      Map.entry("denied.stateSecret", "不予公开·国家秘密"), Map.entry("denied.prohibitedByLaw", "不予公开·法律行政法规禁止"),
      Map.entry("denied.threeSecurityOneStability", "不予公开·三安全一稳定"),
      Map.entry("denied.thirdPartyRights", "不予公开·第三方合法权益"),
      Map.entry("denied.internalAffairs", "不予公开·内部事务"), Map.entry("denied.processInformation", "不予公开·过程性信息"),
      Map.entry("denied.lawEnforcementFile", "不予公开·行政执法案卷"),
      Map.entry("denied.administrativeQuery", "不予公开·行政查询事项"),
      Map.entry("unavailable.notHeld", "无法提供·本机关不掌握"), Map.entry("unavailable.needsCreation", "无法提供·需另行制作"),
      Map.entry("unavailable.unclearAfterCorrection", "无法提供·补正后仍不明确"),
      Map.entry("notProcessed.complaint", "不予处理·信访举报投诉"), Map.entry("notProcessed.duplicate", "不予处理·重复申请"),
      Map.entry("notProcessed.publication", "不予处理·公开出版物"), Map.entry("notProcessed.massRepeated", "不予处理·大量反复申请"),
      Map.entry("notProcessed.confirmation", "不予处理·确认或重新出具"),
      Map.entry("other.overdueCorrection", "其他处理·逾期不补正"), Map.entry("other.overdueFee", "其他处理·逾期未缴费"),
      Map.entry("other.other", "其他处理·其他"), Map.entry("total", "总计"), Map.entry("carriedForward", "结转下年度继续办理"),
      Map.entry("adminReview", "行政复议"), Map.entry("litigationDirect", "未经复议直接起诉"),
      Map.entry("litigationAfterReview", "复议后起诉"),
      Map.entry("regulations", "规章"), Map.entry("normativeDocuments", "行政规范性文件"), Map.entry("licensing", "行政许可"),
      Map.entry("punishment", "行政处罚"), Map.entry("enforcement", "行政强制"), Map.entry("fees", "行政事业性收费"),
      Map.entry("otherServices", "其他对外管理服务事项"), Map.entry("procurement", "政府集中采购"));

  static final Map<String, String> SECTIONS = Map.of(
      "一", "一、总体情况", "二", "二、主动公开政府信息情况", "三", "三、收到和处理政府信息公开申请情况",
      "四", "四、政府信息公开行政复议、行政诉讼情况", "五", "五、存在的主要问题及改进情况", "六", "六、其他需要报告的事项");

  static String column(String key) {
    return COLUMNS.getOrDefault(key, key);
  }

  static String row(String key) {
    return ROWS.getOrDefault(key, key);
  }
}

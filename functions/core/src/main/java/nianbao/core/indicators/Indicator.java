package nianbao.core.indicators;

import java.util.List;

/**
 * The indicators of a report or a region, each a share of two figures of tables B and C, with its definition
 * in the words of the template. A share over fewer than {@link #SMALL_BASE} cases is shown but marked, and left
 * out of rankings: one case more or less would move it by ten points or more.
 */
public enum Indicator {
  SUBSTANTIVE_DISCLOSURE("实质公开率", "（予以公开 + 部分公开）÷ 办理结果总计", "disclosure"),
  DENIAL("不予公开率", "不予公开（1–8 项之和）÷ 办理结果总计", "denial"),
  UNAVAILABLE("无法提供率", "无法提供（1–3 项之和）÷ 办理结果总计", "unavailable"),
  NOT_PROCESSED("不予处理率", "不予处理（1–5 项之和）÷ 办理结果总计", "notProcessed"),
  REVIEW_CORRECTION("行政复议纠错率", "行政复议 结果纠正 ÷ 行政复议 总计", "reviewCorrection"),
  LITIGATION_CORRECTION("行政诉讼纠错率", "行政诉讼 结果纠正 ÷ 行政诉讼 总计（未经复议直接起诉与复议后起诉之和）",
      "litigationCorrection"),
  DISPUTE("复议诉讼发生率", "（行政复议 总计 + 行政诉讼 总计）÷ 本年新收政府信息公开申请数量", "dispute"),
  CARRY_OVER("结转率", "结转下年度继续办理 ÷（本年新收 + 上年结转）", "carryOver");

  /** Shares over fewer cases than this are marked and not ranked. */
  public static final long SMALL_BASE = 10;

  private final String label;
  private final String definition;
  private final String code;

  Indicator(String label, String definition, String code) {
    this.label = label;
    this.definition = definition;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public String definition() {
    return definition;
  }

  /** The API's name for it ({@code by=}, {@code sort=}). */
  public String code() {
    return code;
  }

  public static List<String> codes() {
    return java.util.Arrays.stream(values()).map(Indicator::code).toList();
  }

  /** @throws IllegalArgumentException for an unknown code */
  public static Indicator of(String code) {
    for (Indicator i : values()) {
      if (i.code.equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown indicator " + code);
  }
}

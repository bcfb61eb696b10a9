package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Table A on the 2019 template (reports for 2019 and 2020). Keys as in docs/FORMAT.md's 2019 table;
 * {@code procurement.amount} is a decimal string with the digits as printed.
 */
@JsonPropertyOrder({"regulations", "normativeDocuments", "licensing", "otherServices", "punishment", "enforcement",
    "fees", "procurement"})
public record Proactive2019(
    Publications regulations,
    Publications normativeDocuments,
    Items licensing,
    Items otherServices,
    Items punishment,
    Items enforcement,
    FeeItems fees,
    Procurement procurement) implements Proactive {

  /** 本年新制作数量, 本年新公开数量, 对外公开总数量. */
  @JsonPropertyOrder({"newlyMade", "newlyPublished", "publishedTotal"})
  public record Publications(Long newlyMade, Long newlyPublished, Long publishedTotal) {}

  /** 上一年项目数量, 本年增/减 (may be negative), 处理决定数量. */
  @JsonPropertyOrder({"itemsLastYear", "itemsChange", "decisions"})
  public record Items(Long itemsLastYear, Long itemsChange, Long decisions) {}

  /** 上一年项目数量, 本年增/减. */
  @JsonPropertyOrder({"itemsLastYear", "itemsChange"})
  public record FeeItems(Long itemsLastYear, Long itemsChange) {}

  /** 采购项目数量, 采购总金额 (decimal string as printed). */
  @JsonPropertyOrder({"items", "amount"})
  public record Procurement(Long items, String amount) {}
}

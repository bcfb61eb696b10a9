package nianbao.core.region;

/**
 * One administrative division: a province-level unit (省, 自治区, 直辖市), a prefecture-level unit
 * (地级市, 自治州, 地区, 盟) or a county-level unit (市辖区, 县, 县级市, 旗, and the statistics bureau's
 * development zones). Codes are the six-digit GB/T 2260 style codes of the statistics bureau.
 *
 * @param parentCode the code of the enclosing division, null for a province. Districts of the four
 *     municipalities and the province-administered county-level cities (济源, 仙桃, 五指山 …) have the
 *     province as parent.
 */
public record Division(String code, String name, Level level, String parentCode) {

  /** The three levels this package knows. */
  public enum Level {
    PROVINCE,
    CITY,
    COUNTY
  }
}

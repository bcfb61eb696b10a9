package nianbao.core.region;

import nianbao.core.model.Region;

/**
 * The region a person's rights are limited to: the user attribute {@code custom:region}, written as the API's place
 * filters name places — the province, then optionally its city and county, separated by {@code /}
 * ({@code 河南省}, {@code 河南省/新乡市}, {@code 河南省/新乡市/新乡县}). Names, not division codes, because the
 * reports, lists and rosters all name their places (province=, city=, county=), and a report whose division was
 * read has its names. The API checks each write against it; the write path checks a report read from an upload
 * of such a person ({@link #refusal}).
 */
public record Area(String province, String city, String county) {
  /** The claim the function reads (an ID token carries it; the pool's token trigger copies it into access tokens). */
  public static final String CLAIM = "custom:region";

  /** The area an attribute value names; null for none (blank: not limited). */
  public static Area parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.strip().split("\\s*/\\s*", -1);
    String p = parts[0].isEmpty() ? null : parts[0];
    String c = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
    String k = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
    return new Area(p, c, k);
  }

  /** Whether a place (a report's, or a roster's) lies inside this area. An unknown province never does. */
  public boolean contains(String placeProvince, String placeCity, String placeCounty) {
    if (province == null || !province.equals(placeProvince)) {
      return false;
    }
    return (city == null || city.equals(placeCity)) && (county == null || county.equals(placeCounty));
  }

  /**
   * Why a report of {@code place}, read from an upload by a person limited to this area, is not stored; null
   * when it lies inside. A report whose place could not be read is not known to lie inside, so it is refused too:
   * the person may not add reports of other places, and cannot show that this one is theirs.
   */
  public String refusal(Region place) {
    if (place != null && contains(place.province(), place.city(), place.county())) {
      return null;
    }
    String where = place == null || place.province() == null ? null
        : place.province() + (place.city() == null ? "" : place.city()) + (place.county() == null ? ""
            : place.county());
    return "上传者的权限限于" + this + "，" + (where == null ? "而无法确定这份报告所属的地区" : "而这份报告属于" + where)
        + "，未存入（也未替换任何报告）；请由有该地区权限的人员上传";
  }

  @Override
  public String toString() {
    return province + (city == null ? "" : "/" + city) + (county == null ? "" : "/" + county);
  }
}

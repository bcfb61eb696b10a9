package nianbao.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code GET /reports}: any combination (see {@code nianbao.store.lists.ListReader}).
 *
 * @param city    needs its province; {@code county} too (with the city, or without one for a county the
 *                province administers directly)
 * @param level   the agency's level from its region: {@code PROVINCE}, {@code CITY}, {@code COUNTY}, {@code NONE}
 * @param agency  part of the agency name, anywhere in it (compared normalised)
 * @param review  the report's review state (core's {@code ReviewStates}: PENDING, REVIEWED, NOTIFIED, RECTIFIED)
 */
public record ListFilter(Integer year, String province, String city, String county, String level, String status,
    String rule, String agency, String review) {

  public ListFilter(Integer year, String province, String city, String county, String level, String status,
      String rule, String agency) {
    this(year, province, city, county, level, status, rule, agency, null);
  }

  public ListFilter(Integer year, String province, String city, String status, String rule, String agency) {
    this(year, province, city, null, null, status, rule, agency);
  }

  public static ListFilter none() {
    return new ListFilter(null, null, null, null, null, null, null, null, null);
  }

  /** What the lists need besides any combination: the region's upper parts. */
  public static List<String> supported() {
    return List.of("any combination of year, province, city, county, level, status, rule, agency, review",
        "city and county need province");
  }

  public String describe() {
    List<String> given = new ArrayList<>();
    add(given, "year", year);
    add(given, "province", province);
    add(given, "city", city);
    add(given, "county", county);
    add(given, "level", level);
    add(given, "status", status);
    add(given, "rule", rule);
    add(given, "agency", agency);
    add(given, "review", review);
    return given.isEmpty() ? "(none)" : String.join("+", given);
  }

  private static void add(List<String> given, String name, Object value) {
    if (value != null) {
      given.add(name);
    }
  }
}

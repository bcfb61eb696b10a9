package nianbao.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code GET /reports}. Each supported combination is answered by one index query (see
 * {@link ReportStore#list}); {@link #supported()} lists them for error messages.
 *
 * @param agency a prefix of the normalised agency name; with year, province and city it matches anywhere in the name
 */
public record ListFilter(Integer year, String province, String city, String status, String rule, String agency) {

  public static ListFilter none() {
    return new ListFilter(null, null, null, null, null, null);
  }

  /** The combinations {@link ReportStore#list} answers, as parameter lists. */
  public static List<String> supported() {
    return List.of("(none)", "year", "status", "year+status", "province", "province+city", "year+province",
        "year+province+city", "rule", "year+rule", "agency", "year+agency",
        "province+city[+year] with any of status, rule, agency");
  }

  public String describe() {
    List<String> given = new ArrayList<>();
    if (year != null) {
      given.add("year");
    }
    if (province != null) {
      given.add("province");
    }
    if (city != null) {
      given.add("city");
    }
    if (status != null) {
      given.add("status");
    }
    if (rule != null) {
      given.add("rule");
    }
    if (agency != null) {
      given.add("agency");
    }
    return given.isEmpty() ? "(none)" : String.join("+", given);
  }
}

package nianbao.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored summary: the sums of {@link SummaryCounts}s of the current reports in a scope (all years or one year;
 * all regions, a province, or a city). Read with one GetItem, whatever the number of reports.
 */
public record Summary(Integer year, String province, String city, String county, Map<String, BigDecimal> values,
    String updatedAt) {

  /** The summary of a scope above the counties (all regions, a province or a city). */
  public Summary(Integer year, String province, String city, Map<String, BigDecimal> values, String updatedAt) {
    this(year, province, city, null, values, updatedAt);
  }

  public long reports() {
    return count("reports");
  }

  public long count(String attribute) {
    BigDecimal v = values.get(attribute);
    return v == null ? 0 : v.longValueExact();
  }

  public BigDecimal value(String attribute) {
    return values.getOrDefault(attribute, BigDecimal.ZERO);
  }

  /** Report counts by status (VALID, HAS_ERRORS, REJECTED). */
  public Map<String, Long> byStatus() {
    return counts("status.");
  }

  /** Report counts by review state (PENDING, REVIEWED, NOTIFIED, RECTIFIED; rejected uploads have none). */
  public Map<String, Long> byReviewState() {
    return counts(SummaryCounts.REVIEW);
  }

  /** Findings by rule id. */
  public Map<String, Long> findingsByRule() {
    return counts("rule.");
  }

  /** Reading notes by rule id: how many of {@link #findingsByRule()} are notes, not problems of the reports. */
  public Map<String, Long> notesByRule() {
    return counts(SummaryCounts.RULE_NOTES);
  }

  /** Reports having at least one finding of a rule, by rule id. */
  public Map<String, Long> reportsByRule() {
    return counts("ruleReports.");
  }

  /** Reports of one city of the scope ({@code city} null: the province's own agencies). */
  public record CityCount(String province, String city, long reports, long withErrors) {}

  /** The scope's reports by city, most reports first (then by province and city name). */
  public List<CityCount> byCity() {
    Map<String, Long> errors = counts(SummaryCounts.CITY_ERRORS);
    List<CityCount> out = new ArrayList<>();
    counts(SummaryCounts.CITY).forEach((place, n) -> {
      if (n <= 0) {
        return; // only a summary built before the per-city counters existed can go below zero
      }
      int slash = place.indexOf('/');
      String city = place.substring(slash + 1);
      out.add(new CityCount(place.substring(0, slash), city.isEmpty() ? null : city, n,
          errors.getOrDefault(place, 0L)));
    });
    out.sort(Comparator.comparingLong(CityCount::reports).reversed().thenComparing(CityCount::province)
        .thenComparing(c -> c.city() == null ? "" : c.city()));
    return out;
  }

  /** Reports of one county of the scope (a city's, or a province's counties without a city). */
  public record CountyCount(String county, long reports, long withErrors) {}

  /**
   * The counties this scope's item names, most reports first: a city's counties, or the counties a province
   * administers directly (no city); none for the country or a county.
   */
  public List<CountyCount> byCounty() {
    Map<String, Long> errors = counts(SummaryCounts.COUNTY_ERRORS);
    List<CountyCount> out = new ArrayList<>();
    counts(SummaryCounts.COUNTY).forEach((county, n) -> {
      if (n > 0) {
        out.add(new CountyCount(county, n, errors.getOrDefault(county, 0L)));
      }
    });
    out.sort(Comparator.comparingLong(CountyCount::reports).reversed().thenComparing(CountyCount::county));
    return out;
  }

  /** Sums of one table: prefix {@code A.} (2021 table A), {@code A2019.}, {@code B.} or {@code C.}. */
  public Map<String, BigDecimal> sums(String tablePrefix) {
    Map<String, BigDecimal> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(tablePrefix)) {
        out.put(k.substring(tablePrefix.length()), v);
      }
    });
    return out;
  }

  private Map<String, Long> counts(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix) && v.signum() != 0) {
        out.put(k.substring(prefix.length()), v.longValueExact());
      }
    });
    return out;
  }
}

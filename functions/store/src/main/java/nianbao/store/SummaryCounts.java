package nianbao.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Severity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;

/**
 * What one current report adds to the summaries of its scopes: counts by status, findings by rule, and the
 * sums of tables A, B and C (blank cells add nothing). Summary items hold these as top-level number attributes
 * updated with {@code ADD}, so a change of a report is a delta, never a recount.
 *
 * <p>Attribute names: {@code reports}, {@code status.VALID|HAS_ERRORS|REJECTED}, {@code errors}, {@code warnings},
 * {@code notes} (reading notes, never in {@code warnings}), {@code rule.B1} (findings), {@code ruleNotes.S2} (the
 * reading notes among them), {@code ruleReports.B1} (reports with that rule), {@code template.2021},
 * {@code A.<row>.<cell>} (2021 table A), {@code A2019.<row>.<cell>}, {@code B.<row>.<column>},
 * {@code C.<group>.<cell>}, {@code review.<PENDING|REVIEWED|NOTIFIED|RECTIFIED>} (reports by review state), and
 * per city {@code city.<province>/<city>} (reports) and
 * {@code cityErrors.<province>/<city>} (reports with errors) — the city part empty for a provincial agency — so that
 * a province's or the country's summary breaks its reports down by city without reading the city summaries;
 * likewise per county {@code county.<county>} and {@code countyErrors.<county>}, in the summary of the county's city
 * only (of its province for a county without a city), so a city's item names its counties — the country's item
 * would otherwise carry ~3,000 counties' attributes.
 */
public final class SummaryCounts {
  /** Attribute prefixes of the per-city report counts. */
  public static final String CITY = "city.";
  public static final String CITY_ERRORS = "cityErrors.";
  /** Attribute prefixes of the per-county report counts, in the county's city's (or province's) item only. */
  public static final String COUNTY = "county.";
  public static final String COUNTY_ERRORS = "countyErrors.";
  /** Attribute prefix of the reading notes by rule (also counted in {@code rule.<id>}). */
  public static final String RULE_NOTES = "ruleNotes.";
  /** Attribute prefix of the reports by review state (core's {@code ReviewStates}). */
  public static final String REVIEW = "review.";

  private SummaryCounts() {}

  /** The attribute suffix of a city ({@code 河南省/新乡市}; {@code 河南省/} for the province's own agencies). */
  public static String place(String province, String city) {
    return province + "/" + (city == null ? "" : city);
  }

  /** The attribute deltas of {@code head} (with its current report, null for a rejected upload). */
  public static Map<String, BigDecimal> of(ReportHead head, Report report) {
    Map<String, BigDecimal> v = new LinkedHashMap<>();
    v.put("reports", BigDecimal.ONE);
    v.put("status." + head.status(), BigDecimal.ONE);
    if (head.rejected()) {
      return v;
    }
    add(v, "errors", head.errors());
    add(v, "warnings", head.warnings());
    add(v, "notes", head.notes());
    if (head.reviewState() != null) {
      // reports by review state (a head written before review states counts in none until its next write)
      add(v, REVIEW + head.reviewState(), 1);
    }
    if (head.corrected() != null && head.corrected() > 0) {
      // how many cells reviewers corrected, and in how many reports: the sums below use the corrected values
      add(v, "corrected", head.corrected());
      add(v, "correctedReports", 1);
    }
    if (head.province() != null) {
      String place = place(head.province(), head.city());
      add(v, CITY + place, 1);
      if ("HAS_ERRORS".equals(head.status())) {
        add(v, CITY_ERRORS + place, 1);
      }
    }
    head.ruleCounts().forEach((rule, count) -> {
      // a rule whose findings were all dismissed stays in the head, counted 0: the report is not one with it
      if (count != null && count > 0) {
        add(v, "rule." + rule, count);
        add(v, "ruleReports." + rule, 1);
      }
    });
    if (report == null) {
      return v;
    }
    // the reading notes among a rule's findings (only single-report rules write notes; the body holds them all)
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.NOTE) {
        add(v, RULE_NOTES + f.rule(), 1);
      }
    }
    if (report.template() != null) {
      add(v, "template." + report.template(), 1);
    }
    if (report.proactive() instanceof Proactive2021 a) {
      counts(v, "A.regulations", a.regulations());
      counts(v, "A.normativeDocuments", a.normativeDocuments());
      add(v, "A.licensing", a.licensing());
      add(v, "A.punishment", a.punishment());
      add(v, "A.enforcement", a.enforcement());
      decimal(v, "A.fees", a.fees());
    } else if (report.proactive() instanceof Proactive2019 a) {
      publications(v, "A2019.regulations", a.regulations());
      publications(v, "A2019.normativeDocuments", a.normativeDocuments());
      items(v, "A2019.licensing", a.licensing());
      items(v, "A2019.otherServices", a.otherServices());
      items(v, "A2019.punishment", a.punishment());
      items(v, "A2019.enforcement", a.enforcement());
      if (a.fees() != null) {
        add(v, "A2019.fees.itemsLastYear", a.fees().itemsLastYear());
        add(v, "A2019.fees.itemsChange", a.fees().itemsChange());
      }
      if (a.procurement() != null) {
        add(v, "A2019.procurement.items", a.procurement().items());
      }
    }
    Applications b = report.applications();
    if (b != null && b.rows() != null) {
      List<String> columns = b.columns() == null ? Applications.COLUMNS : b.columns();
      b.rows().forEach((row, cells) -> {
        if (cells == null) {
          return;
        }
        for (int i = 0; i < cells.size() && i < columns.size(); i++) {
          add(v, "B." + row + "." + columns.get(i), cells.get(i));
        }
      });
    }
    ReviewAndLitigation c = report.reviewAndLitigation();
    if (c != null) {
      for (String group : ReviewAndLitigation.GROUPS) {
        ReviewAndLitigation.Group g = c.group(group);
        if (g == null) {
          continue;
        }
        for (String cell : ReviewAndLitigation.CELLS) {
          add(v, "C." + group + "." + cell, g.cell(cell));
        }
      }
    }
    return v;
  }

  /** Adds {@code sign} (1 or −1) times the contribution of {@code head} to the sums of each of its scopes. */
  public static void addTo(Map<String, Map<String, BigDecimal>> sums, ReportHead head, Report report, int sign) {
    Map<String, BigDecimal> contribution = of(head, report);
    BigDecimal s = BigDecimal.valueOf(sign);
    for (String scope : scopes(head)) {
      Map<String, BigDecimal> sum = sums.computeIfAbsent(scope, k -> new LinkedHashMap<>());
      contribution.forEach((name, value) -> sum.merge(name, value.multiply(s), BigDecimal::add));
    }
    if (head.province() != null && head.county() != null && !head.rejected()) {
      // the county's own line in its parent's item: the city's, or the province's for a county without a city
      List<Integer> years = new ArrayList<>();
      years.add(null);
      if (head.year() != null) {
        years.add(head.year());
      }
      for (Integer year : years) {
        Map<String, BigDecimal> parent = sums.computeIfAbsent(Keys.summary(year, head.province(), head.city()),
            k -> new LinkedHashMap<>());
        parent.merge(COUNTY + head.county(), s, BigDecimal::add);
        if ("HAS_ERRORS".equals(head.status())) {
          parent.merge(COUNTY_ERRORS + head.county(), s, BigDecimal::add);
        }
      }
    }
  }

  /**
   * The summary items a report counts in: all years and its year, each for all regions, its province, its city and
   * its county. A rejected upload has neither year nor region, so it counts in the all-years, all-regions summary
   * only.
   */
  public static List<String> scopes(ReportHead head) {
    List<String> scopes = new ArrayList<>();
    List<Integer> years = new ArrayList<>();
    years.add(null);
    if (head.year() != null) {
      years.add(head.year());
    }
    for (Integer year : years) {
      scopes.add(Keys.summary(year, null, null));
      if (head.province() != null) {
        scopes.add(Keys.summary(year, head.province(), null));
        if (head.city() != null) {
          scopes.add(Keys.summary(year, head.province(), head.city()));
        }
        if (head.county() != null) {
          scopes.add(Keys.summary(year, head.province(), head.city(), head.county()));
        }
      }
    }
    return scopes;
  }

  private static void counts(Map<String, BigDecimal> v, String prefix, Proactive2021.DocumentCounts d) {
    if (d != null) {
      add(v, prefix + ".issued", d.issued());
      add(v, prefix + ".repealed", d.repealed());
      add(v, prefix + ".inForce", d.inForce());
    }
  }

  private static void publications(Map<String, BigDecimal> v, String prefix, Proactive2019.Publications p) {
    if (p != null) {
      add(v, prefix + ".newlyMade", p.newlyMade());
      add(v, prefix + ".newlyPublished", p.newlyPublished());
      add(v, prefix + ".publishedTotal", p.publishedTotal());
    }
  }

  private static void items(Map<String, BigDecimal> v, String prefix, Proactive2019.Items i) {
    if (i != null) {
      add(v, prefix + ".itemsLastYear", i.itemsLastYear());
      add(v, prefix + ".itemsChange", i.itemsChange());
      add(v, prefix + ".decisions", i.decisions());
    }
  }

  private static void add(Map<String, BigDecimal> v, String name, Number n) {
    if (n != null && n.longValue() != 0) {
      v.merge(name, BigDecimal.valueOf(n.longValue()), BigDecimal::add);
    }
  }

  private static void decimal(Map<String, BigDecimal> v, String name, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    try {
      BigDecimal d = new BigDecimal(value.trim());
      if (d.signum() != 0) {
        v.merge(name, d, BigDecimal::add);
      }
    } catch (NumberFormatException e) {
      // not a number as printed: a finding (N1) says so; it adds nothing to the sums
    }
  }
}

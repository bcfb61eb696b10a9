package nianbao.core.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.agency.AgencyIdentity;
import nianbao.core.model.Region;
import nianbao.core.region.AgencyNames;
import nianbao.core.region.Division;
import nianbao.core.region.Divisions;
import nianbao.core.region.RegionResolver;

/**
 * Who of a roster has reported for a year: each entry matched to the stored reports of the roster's region and
 * year by agency identity ({@link AgencyIdentity}: region code plus the body of the name, so 洪泽区人民政府 and
 * 淮安市洪泽区人民政府 are one), else by the whole normalised name. An entry without a report is 未报送; one with a
 * report is on time (按时) or late (逾期) by the date the report prints (发布日期 or 落款) against 31 January of the
 * following year — the national rule — or 日期不明 when it prints none: never judged from the upload date. The
 * reports no entry matched are listed too, for matching by hand.
 */
public final class RosterMatching {
  private RosterMatching() {}

  public static final String REPORTED = "已报送";
  public static final String NOT_REPORTED = "未报送";
  public static final String ON_TIME = "按时";
  public static final String LATE = "逾期";
  public static final String DATE_UNKNOWN = "日期不明";

  /**
   * A stored report of the roster's region and year.
   *
   * @param dated the date it prints (ISO), or null
   * @param agencyKey the key of the agency it is counted as (an administrator may have merged the agency it
   *     prints into another: that one's), or null when not known
   */
  public record ReportFacts(String reportId, String agency, String regionCode, String province, String city,
      String county, int year, String dated, String datedKind, String agencyKey) {
    public ReportFacts(String reportId, String agency, String regionCode, String province, String city,
        String county, int year, String dated, String datedKind) {
      this(reportId, agency, regionCode, province, city, county, year, dated, datedKind, null);
    }
  }

  /** One entry and what became of it: its reports, 已报送 or 未报送, and (when reported) its timeliness. */
  public record EntryMatch(RosterEntry entry, String identity, List<ReportFacts> reports, String state,
      String timeliness) {}

  public record Result(List<EntryMatch> entries, List<ReportFacts> unmatchedReports) {
    public List<EntryMatch> notReported() {
      return entries.stream().filter(e -> e.state().equals(NOT_REPORTED)).toList();
    }

    public long count(String timeliness) {
      return entries.stream().filter(e -> timeliness.equals(e.timeliness())).count();
    }
  }

  /** The deadline of a year's reports: 31 January of the following year. */
  public static LocalDate deadline(int year) {
    return LocalDate.of(year + 1, 1, 31);
  }

  /** 按时, 逾期 or 日期不明 of a report of {@code year} printing {@code dated} (ISO, or null). */
  public static String timeliness(int year, String dated) {
    if (dated == null) {
      return DATE_UNKNOWN;
    }
    return LocalDate.parse(dated).isAfter(deadline(year)) ? LATE : ON_TIME;
  }

  public static Result match(int year, List<RosterEntry> entries, List<ReportFacts> reports) {
    return match(year, entries, reports, id -> null);
  }

  /**
   * As above; {@code agencyKey} gives the key of an entry's agency identity as reports carry it, so that an entry
   * also matches the reports counted as its agency's though they print another agency's name (merged into it).
   */
  public static Result match(int year, List<RosterEntry> entries, List<ReportFacts> reports,
      java.util.function.Function<AgencyIdentity, String> agencyKey) {
    return match(year, entries, reports, new AgencyKeys() {
      @Override
      public String key(AgencyIdentity id) {
        return agencyKey.apply(id);
      }

      @Override
      public Map<String, String> mergedInto(Set<String> keys) {
        return Map.of();
      }
    });
  }

  /** How reports name the agency they are counted as, and which agencies an administrator merged into others. */
  public interface AgencyKeys {
    /** The key reports carry for the agency of {@code id} (null when not known). */
    String key(AgencyIdentity id);

    /** Of {@code keys}, those merged into another agency, to that agency's key (asked once, for all at once). */
    Map<String, String> mergedInto(Set<String> keys);
  }

  /**
   * As above, both ways across a merge: an entry naming the canonical agency matches the merged agency's reports
   * (they carry the canonical key), and an entry naming the merged agency the reports counted as the canonical
   * one's — asked of {@code keys} only for the entries nothing else matched, in one call.
   */
  public static Result match(int year, List<RosterEntry> entries, List<ReportFacts> reports, AgencyKeys keys) {
    Map<String, List<ReportFacts>> byAgencyKey = new LinkedHashMap<>();
    Map<String, List<ReportFacts>> byIdentity = new LinkedHashMap<>();
    Map<String, List<ReportFacts>> byName = new LinkedHashMap<>();
    for (ReportFacts r : reports) {
      AgencyIdentity id = AgencyIdentity.of(r.agency(),
          new Region(r.regionCode(), r.province(), r.city(), r.county()));
      if (id != null) {
        byIdentity.computeIfAbsent(id.key(), k -> new ArrayList<>()).add(r);
      }
      if (r.agencyKey() != null) {
        byAgencyKey.computeIfAbsent(r.agencyKey(), k -> new ArrayList<>()).add(r);
      }
      String norm = AgencyNames.normalise(r.agency());
      if (norm != null && !norm.isEmpty()) {
        byName.computeIfAbsent(norm, k -> new ArrayList<>()).add(r);
      }
    }
    List<AgencyIdentity> identities = new ArrayList<>();
    List<String> entryKeys = new ArrayList<>();
    List<List<ReportFacts>> founds = new ArrayList<>();
    Set<String> unfound = new LinkedHashSet<>();
    for (RosterEntry e : entries) {
      AgencyIdentity id = AgencyIdentity.of(e.name(), region(e));
      List<ReportFacts> found = new ArrayList<>(id == null ? List.of() : byIdentity.getOrDefault(id.key(), List.of()));
      String key = id == null ? null : keys.key(id);
      addNew(found, key == null ? List.of() : byAgencyKey.getOrDefault(key, List.of()));
      if (found.isEmpty() && key != null) {
        unfound.add(key);
      }
      identities.add(id);
      entryKeys.add(key);
      founds.add(found);
    }
    Map<String, String> merged = unfound.isEmpty() ? Map.of() : keys.mergedInto(unfound);
    Set<String> matched = new LinkedHashSet<>();
    List<EntryMatch> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      RosterEntry e = entries.get(i);
      List<ReportFacts> found = founds.get(i);
      String into = found.isEmpty() && entryKeys.get(i) != null ? merged.get(entryKeys.get(i)) : null;
      addNew(found, into == null ? List.of() : byAgencyKey.getOrDefault(into, List.of()));
      if (found.isEmpty()) {
        found.addAll(byName.getOrDefault(AgencyNames.normalise(e.name()), List.of()));
      }
      found.forEach(r -> matched.add(r.reportId()));
      AgencyIdentity id = identities.get(i);
      out.add(new EntryMatch(e, id == null ? null : id.key(), List.copyOf(found),
          found.isEmpty() ? NOT_REPORTED : REPORTED, found.isEmpty() ? null : timeliness(year, found)));
    }
    List<ReportFacts> unmatched = reports.stream().filter(r -> !matched.contains(r.reportId())).toList();
    return new Result(List.copyOf(out), unmatched);
  }

  private static void addNew(List<ReportFacts> found, List<ReportFacts> more) {
    for (ReportFacts r : more) {
      if (!found.contains(r)) {
        found.add(r);
      }
    }
  }

  /** On time when any of the entry's reports printed a date by the deadline; late when all dated ones are after. */
  private static String timeliness(int year, List<ReportFacts> found) {
    String best = DATE_UNKNOWN;
    for (ReportFacts r : found) {
      String t = timeliness(year, r.dated());
      if (t.equals(ON_TIME)) {
        return ON_TIME;
      }
      if (t.equals(LATE)) {
        best = LATE;
      }
    }
    return best;
  }

  /** The entry's region: by the code it gives, else resolved from its name; null when neither says. */
  static Region region(RosterEntry e) {
    if (e.regionCode() != null) {
      Division d = Divisions.get().byCode(e.regionCode());
      if (d != null) {
        return Divisions.get().region(d);
      }
    }
    return RegionResolver.resolve(e.name(), null);
  }
}

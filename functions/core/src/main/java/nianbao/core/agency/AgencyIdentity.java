package nianbao.core.agency;

import java.util.ArrayList;
import java.util.List;
import nianbao.core.model.Region;
import nianbao.core.region.AgencyNames;
import nianbao.core.region.Division;
import nianbao.core.region.Divisions;
import nianbao.core.region.FormerCodes;

/**
 * Who an agency is, whatever way its name is printed: the region's division code plus the agency's body — its
 * normalised name with the names of its region taken off the front and the common spellings of the government's
 * own bodies made one (政府 → 人民政府, 政府办 → 人民政府办公室). So 洪泽区人民政府, 淮安市洪泽区人民政府 and
 * 洪泽县人民政府 (before 县改区, the same stem) of code 320813 are one agency, {@code 320813|人民政府}, and
 * 洪泽区教育局 another. A code replaced since (洪泽县's 320829) is read as its current one ({@link FormerCodes}). A
 * report without a known region keeps its whole normalised name as the body.
 *
 * @param regionCode the division code, null when the region is not known
 * @param body       what the agency is within its region: 人民政府, 人民政府办公室, 教育局 …
 */
public record AgencyIdentity(String regionCode, String body) {

  /** The suffixes a division's stem may carry in a name printed before or after a change of type (县改区). */
  private static final String FORMER_SUFFIXES = "省市县区旗盟州";

  /** The identity as text: {@code code|body} (the code empty when unknown). */
  public String key() {
    return (regionCode == null ? "" : regionCode) + "|" + body;
  }

  /** The identity of an agency printed as {@code printedName} in {@code region}; null without a name. */
  public static AgencyIdentity of(String printedName, Region region) {
    String norm = AgencyNames.normalise(printedName);
    if (norm == null || norm.isEmpty()) {
      return null;
    }
    // a code replaced since (县改区) is the division of its current code
    String code = region == null ? null : FormerCodes.get().current(region.code());
    Division division = Divisions.get().byCode(code);
    if (division == null) {
      return new AgencyIdentity(null, body(norm));
    }
    return new AgencyIdentity(division.code(), body(stripRegion(norm, Divisions.get().chain(division))));
  }

  /** The name without the names of its region's divisions at its front, in any order printed. */
  static String stripRegion(String name, List<Division> chain) {
    String s = name;
    boolean changed = true;
    while (changed && !s.isEmpty()) {
      changed = false;
      for (Division d : chain) {
        int cut = prefixLength(s, d.name());
        if (cut > 0) {
          s = s.substring(cut);
          changed = true;
        }
      }
    }
    return s;
  }

  /** How much of {@code s} is the division's name: in full, or its stem with a type suffix (洪泽县 of 洪泽区). */
  private static int prefixLength(String s, String divisionName) {
    if (s.startsWith(divisionName)) {
      return divisionName.length();
    }
    String stem = Divisions.stemOf(divisionName);
    if (stem.length() >= 2 && stem.length() < divisionName.length() && s.length() > stem.length()
        && s.startsWith(stem) && FORMER_SUFFIXES.indexOf(s.charAt(stem.length())) >= 0) {
      return stem.length() + 1;
    }
    return 0;
  }

  /** The common spellings of the government's own bodies made one; a bare region name is its government. */
  static String body(String rest) {
    if (rest.isEmpty()) {
      return "人民政府";
    }
    String s = rest;
    if (s.startsWith("政府")) {
      s = "人民" + s;
    }
    for (String office : List.of("人民政府办", "人民政府办公室")) {
      if (s.equals(office)) {
        return "人民政府办公室";
      }
    }
    return s;
  }

  /** The distinct identities of names printed in one region, in order (for tests and tools). */
  public static List<String> keys(List<String> printedNames, Region region) {
    List<String> out = new ArrayList<>();
    for (String n : printedNames) {
      AgencyIdentity id = of(n, region);
      String k = id == null ? null : id.key();
      if (k != null && !out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }
}

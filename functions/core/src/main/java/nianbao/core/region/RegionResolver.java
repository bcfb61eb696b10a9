package nianbao.core.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.model.Region;

/**
 * Finds the administrative division an agency belongs to from its printed name, and the report's text
 * where the name alone is ambiguous. It never guesses: where two divisions remain, the answer is null.
 *
 * <p>The steps:
 * <ol>
 *   <li>The name's characters are normalised (blanks dropped, full-width → half-width, traditional →
 *       simplified) and every division name in it is found with its suffix (新乡市, 卫滨区, 新乡县):
 *       exactly, then through the table of known misrecognised characters (瀘河回族区 → 瀍河回族区),
 *       then, for names of four or more characters, with one character substituted where that gives a
 *       single name ({@link NameMatcher}).</li>
 *   <li>Of the divisions named, those with the most named ancestors win (新乡市卫滨区: 卫滨区 inside the
 *       named 新乡市), then the deepest (a county before its city). Where a county name is shared by
 *       several (朝阳区 of Beijing and of Changchun), the one whose city or province is named in the
 *       agency name without suffix (北京朝阳区), else whose city, else whose province is named in the
 *       text, if exactly one.</li>
 *   <li>Where the name holds no division name, the longest stem (a name less its suffix: 平潭 of
 *       平潭县) of 4, 3 or 2 characters at the start of the name, if it names one division or one
 *       division and divisions inside it (新乡 → 新乡市, not 新乡县).</li>
 * </ol>
 * The region's shape (municipalities, province-administered cities) is described at {@link Divisions}.
 */
public final class RegionResolver {
  /** Stems that begin agency names without naming a place (公安厅 is no agency of 公安县). */
  private static final Set<String> NOT_A_PLACE = Set.of("公安", "东方", "国家");

  private RegionResolver() {}

  /**
   * The region of an agency.
   *
   * @param agencyName the agency's name as printed (e.g. 新乡市卫滨区科技和工业信息化局)
   * @param text the report's full text, used only to choose between divisions of one name; may be
   *     null or empty
   * @return the region, or null when the name names no division or several equally
   */
  public static Region resolve(String agencyName, String text) {
    Division d = resolveDivision(agencyName, text);
    return d == null ? null : Divisions.get().region(d);
  }

  /** As {@link #resolve}, giving the division. */
  public static Division resolveDivision(String agencyName, String text) {
    if (agencyName == null) {
      return null;
    }
    String name = CharTables.normaliseChars(agencyName);
    if (name.isEmpty()) {
      return null;
    }
    Divisions divisions = Divisions.get();
    List<NameMatcher.Match> matches = NameMatcher.find(name);
    if (matches.isEmpty()) {
      return byStem(divisions, name);
    }
    List<Division> named = new ArrayList<>();
    Map<Division, Set<Integer>> matchesNaming = new HashMap<>();
    for (int i = 0; i < matches.size(); i++) {
      for (Division d : divisions.ofName[matches.get(i).nameId()]) {
        named.add(d);
        matchesNaming.computeIfAbsent(d, k -> new HashSet<>()).add(i);
      }
    }
    // Support: how many of the names found name the division or one of its ancestors (a common name can name
    // hundreds of divisions, so this walks each one's few ancestors rather than comparing every pair).
    List<Division> best = new ArrayList<>();
    int bestSupport = -1;
    int bestDepth = -1;
    for (Division d : named) {
      Set<Integer> supporting = new HashSet<>();
      for (Division x = d; x != null; x = divisions.parent(x)) {
        supporting.addAll(matchesNaming.getOrDefault(x, Set.of()));
      }
      int support = supporting.size();
      int depth = d.level().ordinal();
      if (support > bestSupport || support == bestSupport && depth > bestDepth) {
        best.clear();
        bestSupport = support;
        bestDepth = depth;
      }
      if (support == bestSupport && depth == bestDepth && !best.contains(d)) {
        best.add(d);
      }
    }
    if (best.size() == 1) {
      return best.get(0);
    }
    Division chosen = byAncestorStem(divisions, best, name);
    if (chosen == null) {
      chosen = byText(divisions, best, text);
    }
    return chosen;
  }

  /** The one candidate whose city's or province's stem is in the name (北京朝阳区), else null. */
  private static Division byAncestorStem(Divisions divisions, List<Division> candidates, String name) {
    Division found = null;
    for (Division d : candidates) {
      boolean hit = false;
      for (Division a = divisions.parent(d); a != null && !hit; a = divisions.parent(a)) {
        String stem = Divisions.stem(a.name());
        hit = stem.length() >= 2 && name.contains(stem);
      }
      if (hit) {
        if (found != null) {
          return null;
        }
        found = d;
      }
    }
    return found;
  }

  /** The one candidate whose city, else province, is named in the text; else null. */
  private static Division byText(Divisions divisions, List<Division> candidates, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (int up = 1; up <= 2; up++) {
      Division found = null;
      int hits = 0;
      for (Division d : candidates) {
        Division a = d;
        for (int i = 0; i < up && a != null; i++) {
          a = divisions.parent(a);
        }
        if (a != null && text.contains(a.name())) {
          hits++;
          found = d;
        }
      }
      if (hits == 1) {
        return found;
      }
      if (hits > 1) {
        return null;
      }
    }
    return null;
  }

  private static Division byStem(Divisions divisions, String name) {
    for (int length = Math.min(4, name.length()); length >= 2; length--) {
      String prefix = name.substring(0, length);
      if (NOT_A_PLACE.contains(prefix)) {
        return null;
      }
      List<Division> candidates = divisions.byStem(prefix);
      if (candidates.isEmpty()) {
        continue;
      }
      for (Division outer : candidates) {
        boolean all = true;
        for (Division d : candidates) {
          all &= divisions.within(d, outer);
        }
        if (all) {
          return outer;
        }
      }
      return null;
    }
    return null;
  }
}

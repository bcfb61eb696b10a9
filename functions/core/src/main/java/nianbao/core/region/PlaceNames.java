package nianbao.core.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nianbao.core.model.Region;

/**
 * Finds the names of other places in a report's text, for rule X3 (text copied from another agency's
 * report names that agency's place).
 *
 * <p>A name counts only as a whole division name with its suffix (苏仙区, 郴州市, 湖南省 — never 中山 of
 * 中山路, 和平 of 和平发展), and not where it runs on into a word (中山区域, 宝鸡市场) or where the
 * character before it forms a common word with its first (沿海城市 is no 海城市). Left out altogether:
 * names of two characters (城区, 郊区, 矿区, 沛县), names not ending in 省, 市, 区, 县, 旗, 州 or 盟
 * (西沙群岛, 乌拉盖管理区管委会), names shared by three or more prefecture-level units
 * (鼓楼区, 新华区, 市中区 …), and the common nouns listed in {@code generic.txt} (老城区, 新城区 …).
 *
 * <p>A division is the report's own when it lies inside the report's prefecture-level unit (its city;
 * the municipality for a municipal district; the county-level city itself for 济源 and the like;
 * the province for a province-level agency) or contains it (河南省 in a 新乡 report). A name that
 * some own division has counts as own.
 *
 * <p>The scan finds the suffix characters with {@code String.indexOf} and walks a reversed trie built
 * once from the names ({@link ReverseTrie}) back from each: a few microseconds for a report of some
 * thousand characters.
 */
public final class PlaceNames {
  /** The last characters of the names looked for (地区 ends in 区, 自治州 in 州). */
  private static final String SUFFIXES = "省市区县旗州盟";
  /** Names of more prefecture-level units than this are generic. */
  static final int MAX_PREFECTURES = 2;

  private static final class Index {
    static final Index INSTANCE = new Index();
    final List<String> names = new ArrayList<>();
    final List<Division[]> divisions = new ArrayList<>();
    /** Per name: the region of its one division, null when it has several. */
    final List<Region> regions = new ArrayList<>();
    final ReverseTrie trie;

    private Index() {
      Divisions all = Divisions.get();
      Set<String> generic = new HashSet<>();
      for (String[] cells : RegionData.rows("generic.txt")) {
        generic.add(cells[0].trim());
      }
      for (int id = 0; id < all.names.size(); id++) {
        String name = all.names.get(id);
        Division[] ds = all.ofName[id];
        if (name.length() <= 2 || SUFFIXES.indexOf(name.charAt(name.length() - 1)) < 0
            || generic.contains(name) || prefectures(all, ds) > MAX_PREFECTURES) {
          continue;
        }
        names.add(name);
        divisions.add(ds);
        regions.add(ds.length == 1 ? all.region(ds[0]) : null);
      }
      trie = new ReverseTrie(names);
    }

    private static int prefectures(Divisions all, Division[] ds) {
      Set<String> units = new HashSet<>();
      for (Division d : ds) {
        Division p = all.prefecture(d);
        units.add(p == null ? d.code() : p.code());
      }
      return units.size();
    }
  }

  private PlaceNames() {}

  /** True when the name is one that {@link #foreign} looks for. */
  static boolean searched(String name) {
    return Index.INSTANCE.names.contains(name);
  }

  /**
   * The names of divisions outside the report's own prefecture-level unit (outside its province for a
   * province-level agency), in the order of the text.
   *
   * @param text the report's text
   * @param own the report's region; null gives an empty list
   */
  public static List<PlaceMention> foreign(String text, Region own) {
    if (text == null || own == null) {
      return List.of();
    }
    Divisions all = Divisions.get();
    Division ownDivision = all.of(own);
    if (ownDivision == null) {
      return List.of();
    }
    Division unit = ownDivision.level() == Division.Level.PROVINCE ? ownDivision : all.prefecture(ownDivision);
    Index index = Index.INSTANCE;
    ReverseTrie trie = index.trie;
    // Every name looked for ends in one of SUFFIXES: find those characters with String.indexOf (a
    // vectorised search), then walk the reversed trie back from each.
    int[] ends = null;
    int endCount = 0;
    for (int k = 0; k < SUFFIXES.length(); k++) {
      char suffix = SUFFIXES.charAt(k);
      for (int i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
        if (ends == null) {
          ends = new int[32];
        } else if (endCount == ends.length) {
          ends = Arrays.copyOf(ends, endCount * 2);
        }
        ends[endCount++] = i + 1;
      }
    }
    if (endCount == 0) {
      return List.of();
    }
    Arrays.sort(ends, 0, endCount);
    long[] found = new long[Math.min(endCount, 64)];
    int count = 0;
    for (int e = 0; e < endCount; e++) {
      int end = ends[e];
      long r = trie.longestEndingAt(text, end);
      if (r < 0) {
        continue;
      }
      int start = (int) (r >>> 32);
      if (!NameMatcher.plausible(text, start, end, index.names.get((int) r))) {
        continue;
      }
      while (count > 0 && (int) (found[count - 1] >>> 32) >= start) {
        count--;
      }
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = r;
    }
    if (count == 0) {
      return List.of();
    }
    List<PlaceMention> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = (int) found[i];
      if (!own(all, index.divisions.get(id), unit)) {
        out.add(new PlaceMention(index.names.get(id), (int) (found[i] >>> 32), index.regions.get(id)));
      }
    }
    return out;
  }

  /** True when one of the divisions lies inside the unit or contains it. */
  private static boolean own(Divisions all, Division[] ds, Division unit) {
    for (Division d : ds) {
      if (all.within(d, unit) || all.within(unit, d)) {
        return true;
      }
    }
    return false;
  }
}

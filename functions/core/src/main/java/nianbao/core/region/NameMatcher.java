package nianbao.core.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds division names in a short string (an agency name whose characters are already normalised by
 * {@link CharTables#normaliseChars}): exactly, then through the table of misrecognised characters, then,
 * for names of four or more characters, with any one character substituted (not the suffix) where that
 * gives a single name. Shared by {@link RegionResolver} and {@link AgencyNames} so that both read a
 * name the same way.
 */
final class NameMatcher {
  static final int EXACT = 0;
  static final int TABLE = 1;
  static final int ONE_CHAR = 2;

  /** A name found at [start, end) of the string; {@code kind} says how. */
  record Match(int start, int end, int nameId, int kind) {
    boolean overlaps(int s, int e) {
      return start < e && s < end;
    }
  }

  private static final String SUFFIX_CHARS = "省市区县旗州盟";
  private static final Set<Integer> BLOCKERS = new HashSet<>();

  static {
    for (String[] cells : RegionData.rows("blockers.txt")) {
      String w = cells[0].trim();
      if (w.length() == 2) {
        BLOCKERS.add(w.charAt(0) << 16 | w.charAt(1));
      }
    }
  }

  /** Names of four or more characters with one character (not the last) replaced by NUL. */
  private static final class OneCharIndex {
    static final Map<String, int[]> INDEX = build();
    static final int MAX_LENGTH = maxLength();

    private static Map<String, int[]> build() {
      Divisions d = Divisions.get();
      Map<String, List<Integer>> index = new HashMap<>();
      for (int id = 0; id < d.names.size(); id++) {
        String name = d.names.get(id);
        if (name.length() < 4 || SUFFIX_CHARS.indexOf(name.charAt(name.length() - 1)) < 0) {
          continue;
        }
        char[] key = name.toCharArray();
        for (int j = 0; j < key.length - 1; j++) {
          char c = key[j];
          key[j] = 0;
          index.computeIfAbsent(new String(key), k -> new ArrayList<>(1)).add(id);
          key[j] = c;
        }
      }
      Map<String, int[]> out = new HashMap<>(index.size() * 2);
      index.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return out;
    }

    private static int maxLength() {
      int max = 0;
      for (String n : Divisions.get().names) {
        max = Math.max(max, n.length());
      }
      return max;
    }
  }

  private NameMatcher() {}

  /**
   * Whether a name found at [start, end) of a text is meant as that name: not when it runs on into a
   * word (…区域, …区块, …市场) and not, for a three-character name, when the character before it forms a
   * common word with its first (沿海城市 is no mention of 海城市).
   */
  static boolean plausible(CharSequence s, int start, int end, String name) {
    if (end < s.length()) {
      char last = s.charAt(end - 1);
      char next = s.charAt(end);
      if (last == '区' && "域块间别分县".indexOf(next) >= 0) {
        return false;
      }
      if (last == '市' && "场值".indexOf(next) >= 0) {
        return false;
      }
    }
    if (name.length() == 3 && start > 0 && BLOCKERS.contains(s.charAt(start - 1) << 16 | s.charAt(start))) {
      return false;
    }
    return true;
  }

  /** All names in {@code s}, ordered by start; exact ones first decide what is covered. */
  static List<Match> find(String s) {
    Divisions divisions = Divisions.get();
    List<Match> exact = exact(divisions, s);
    List<Match> tolerant = new ArrayList<>();
    table(divisions, s, exact, tolerant);
    if (!hasCounty(divisions, exact) && !hasCounty(divisions, tolerant)) {
      oneChar(divisions, s, exact, tolerant);
    }
    List<Match> all = new ArrayList<>(exact);
    all.addAll(unambiguous(tolerant));
    all.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
    return all;
  }

  private static List<Match> exact(Divisions divisions, String s) {
    List<Match> out = new ArrayList<>(4);
    for (int end = 1; end <= s.length(); end++) {
      long r = divisions.trie.longestEndingAt(s, end);
      if (r < 0) {
        continue;
      }
      int start = (int) (r >>> 32);
      int id = (int) r;
      if (!plausible(s, start, end, divisions.names.get(id))) {
        continue;
      }
      while (!out.isEmpty() && out.get(out.size() - 1).start >= start) {
        out.remove(out.size() - 1);
      }
      out.add(new Match(start, end, id, EXACT));
    }
    return out;
  }

  private static boolean covered(List<Match> matches, int start, int end) {
    for (Match m : matches) {
      if (m.overlaps(start, end)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCounty(Divisions divisions, List<Match> matches) {
    for (Match m : matches) {
      for (Division d : divisions.ofName[m.nameId]) {
        if (d.level() == Division.Level.COUNTY) {
          return true;
        }
      }
    }
    return false;
  }

  private static void table(Divisions divisions, String s, List<Match> exact, List<Match> out) {
    for (int p = 0; p < s.length(); p++) {
      String alternatives = CharTables.misread(s.charAt(p));
      if (alternatives == null || covered(exact, p, p + 1)) {
        continue;
      }
      char[] chars = s.toCharArray();
      for (int a = 0; a < alternatives.length(); a++) {
        chars[p] = alternatives.charAt(a);
        String t = new String(chars);
        for (int end = p + 1; end <= s.length(); end++) {
          long r = divisions.trie.longestEndingAt(t, end);
          if (r < 0) {
            continue;
          }
          int start = (int) (r >>> 32);
          int id = (int) r;
          if (start <= p && !covered(exact, start, end) && plausible(t, start, end, divisions.names.get(id))) {
            out.add(new Match(start, end, id, TABLE));
          }
        }
      }
    }
  }

  private static void oneChar(Divisions divisions, String s, List<Match> exact, List<Match> out) {
    Map<String, int[]> index = OneCharIndex.INDEX;
    for (int end = 4; end <= s.length(); end++) {
      if (SUFFIX_CHARS.indexOf(s.charAt(end - 1)) < 0) {
        continue;
      }
      for (int length = 4; length <= Math.min(end, OneCharIndex.MAX_LENGTH); length++) {
        int start = end - length;
        if (covered(exact, start, end) || covered(out, start, end)) {
          continue;
        }
        char[] key = s.substring(start, end).toCharArray();
        for (int j = 0; j < length - 1; j++) {
          char c = key[j];
          key[j] = 0;
          int[] ids = index.get(new String(key));
          key[j] = c;
          if (ids == null) {
            continue;
          }
          for (int id : ids) {
            if (plausible(s, start, end, divisions.names.get(id))) {
              out.add(new Match(start, end, id, ONE_CHAR));
            }
          }
        }
      }
    }
  }

  /**
   * Tolerant matches that no tolerant match of another name overlaps (a match inside a longer one
   * gives way to it); each once.
   */
  private static List<Match> unambiguous(List<Match> tolerant) {
    List<Match> outer = new ArrayList<>(tolerant.size());
    for (Match m : tolerant) {
      boolean inside = false;
      for (Match o : tolerant) {
        if (o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start) {
          inside = true;
          break;
        }
      }
      if (!inside && !outer.contains(m)) {
        outer.add(m);
      }
    }
    List<Match> out = new ArrayList<>(outer.size());
    for (Match m : outer) {
      boolean alone = true;
      for (Match o : outer) {
        if (!o.equals(m) && o.overlaps(m.start, m.end)) {
          alone = false;
          break;
        }
      }
      if (alone) {
        out.add(m);
      }
    }
    return out;
  }
}

package nianbao.core.region;

import java.util.List;

/**
 * The normalised form of an agency's printed name, the name half of a report's identity (docs/DESIGN.md):
 * blanks removed, full-width → half-width, traditional → simplified (OpenCC's character table, less the
 * characters of division names), and division names misrecognised in print corrected through the
 * division list (瀘河回族区… → 瀍河回族区…, 郟县… → 郏县…). Deterministic: it depends on the committed
 * tables only.
 */
public final class AgencyNames {
  private AgencyNames() {}

  /** The normalised name; null for null. */
  public static String normalise(String printedName) {
    if (printedName == null) {
      return null;
    }
    String s = CharTables.normaliseChars(printedName);
    List<NameMatcher.Match> matches = NameMatcher.find(s);
    StringBuilder out = null;
    int at = 0;
    for (NameMatcher.Match m : matches) {
      if (m.kind() == NameMatcher.EXACT) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
      }
      out.append(s, at, m.start()).append(Divisions.get().names.get(m.nameId()));
      at = m.end();
    }
    if (out == null) {
      return s;
    }
    return out.append(s, at, s.length()).toString();
  }
}

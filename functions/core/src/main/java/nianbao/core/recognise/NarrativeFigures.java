package nianbao.core.recognise;

import java.util.HashSet;
import java.util.Set;

/** Numbers the narrative states as counts: "698件", "88条", "14571条". */
final class NarrativeFigures {
  private NarrativeFigures() {}

  static Set<String> counts(String text) {
    Set<String> figures = new HashSet<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      int j = i;
      while (j < n && text.charAt(j) == ' ') {
        j++;
      }
      if (j < n && "件条个项份次".indexOf(text.charAt(j)) >= 0 && (start == 0 || text.charAt(start - 1) != '.')) {
        figures.add(text.substring(start, i));
      }
    }
    return figures;
  }
}

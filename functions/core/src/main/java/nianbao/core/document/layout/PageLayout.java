package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import nianbao.core.document.Deadline;

/**
 * One page's content in reading order: its tables — drawn with ruling lines ({@link RuledTables}) or only
 * aligned ({@link AlignedTables}) — and its other words as lines. Page numbers and running footers in the top
 * and bottom margins are left out.
 *
 * @param items  lines and tables, top to bottom
 * @param height the page's height, in the words' units
 */
public record PageLayout(List<PageItem> items, float height) {
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "^[-—–－\\s]*(第\\s*)?\\d{1,3}(\\s*页)?(\\s*[/／共]\\s*\\d{1,3}\\s*页?)?[-—–－\\s]*$|^-?\\s*\\d+\\s*-?$");

  public PageLayout {
    items = List.copyOf(items);
  }

  /** Lays out one page from its words and the ruling lines drawn on it. */
  public static PageLayout of(List<PositionedWord> words, List<Ruling> rulings, float height) {
    List<GridTable> tables = RuledTables.find(rulings, words);
    List<PageItem> items = new ArrayList<>(tables);
    List<PositionedWord> free = new ArrayList<>();
    int seen = 0;
    for (PositionedWord w : words) {
      if ((++seen & 255) == 0) {
        Deadline.check();
      }
      if (!inAny(tables, w)) {
        free.add(w);
      }
    }
    List<TextLine> lines = new ArrayList<>();
    for (TextLine line : Lines.of(free)) {
      boolean margin = line.top() > height * 0.9f || line.baseline() < height * 0.08f;
      if (margin && PAGE_NUMBER.matcher(line.text()).matches()) {
        continue; // page numbers and running footers
      }
      lines.add(line);
    }
    AlignedTables.Found aligned = AlignedTables.find(lines);
    items.addAll(aligned.tables());
    items.addAll(aligned.lines());
    items.sort(Comparator.comparingDouble(PageItem::top));
    return new PageLayout(items, height);
  }

  private static boolean inAny(List<GridTable> tables, PositionedWord w) {
    for (GridTable t : tables) {
      if (t.contains(w)) {
        return true;
      }
    }
    return false;
  }
}

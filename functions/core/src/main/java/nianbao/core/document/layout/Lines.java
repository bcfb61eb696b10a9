package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nianbao.core.document.Deadline;
import nianbao.core.document.Texts;

/** Printed lines from positioned words: grouped by baseline, ordered left to right, spaces at wide gaps. */
public final class Lines {
  /** Words whose baselines differ by less than this share a line, in units of the larger text size. */
  static final float SAME_LINE = 0.45f;
  /** A gap wider than this, in units of the larger text size, is a space between words. */
  static final float WORD_GAP = 0.8f;

  private Lines() {}

  /** The lines of the words, top to bottom. Lines that hold only blanks are left out. */
  public static List<TextLine> of(List<PositionedWord> words) {
    List<PositionedWord> sorted = new ArrayList<>(words);
    sorted.sort(Comparator.comparingDouble(PositionedWord::baseline).thenComparingDouble(PositionedWord::left));
    List<List<PositionedWord>> groups = new ArrayList<>();
    List<PositionedWord> current = null;
    float base = 0;
    int seen = 0;
    for (PositionedWord w : sorted) {
      if ((++seen & 1023) == 0) {
        Deadline.check();
      }
      if (current == null || Math.abs(w.baseline() - base) > SAME_LINE * Math.max(w.size(), current.get(0).size())) {
        current = new ArrayList<>();
        groups.add(current);
        base = w.baseline();
      }
      current.add(w);
    }
    List<TextLine> lines = new ArrayList<>(groups.size());
    for (List<PositionedWord> group : groups) {
      Deadline.check();
      TextLine line = line(group);
      if (line != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The words of one line as a line, or null when they are all blank. */
  private static TextLine line(List<PositionedWord> group) {
    group.sort(Comparator.comparingDouble(PositionedWord::left));
    StringBuilder text = new StringBuilder();
    float left = Float.MAX_VALUE;
    float right = -Float.MAX_VALUE;
    float top = Float.MAX_VALUE;
    float size = 0;
    PositionedWord previous = null;
    for (PositionedWord w : group) {
      if (previous != null && isGap(previous, w) && !previous.isBlank() && !w.isBlank()) {
        text.append(' ');
      }
      text.append(w.text());
      if (!w.isBlank()) {
        left = Math.min(left, w.left());
        right = Math.max(right, w.right());
        top = Math.min(top, w.top());
        size = Math.max(size, w.size());
      }
      previous = w;
    }
    String cleaned = Texts.clean(text);
    return cleaned.isEmpty() ? null
        : new TextLine(cleaned, left, right, group.get(0).baseline(), top, size, List.copyOf(group));
  }

  /** Whether the gap between two words of a line is wider than a character: a space, or a column's gutter. */
  static boolean isGap(PositionedWord before, PositionedWord after) {
    return after.left() - before.right() > WORD_GAP * Math.max(after.size(), before.size());
  }

  /** Lines' texts joined as one wrapped text (a cell's lines, a paragraph's lines). */
  public static String joined(List<TextLine> lines) {
    String text = "";
    for (TextLine line : lines) {
      text = text.isEmpty() ? line.text() : Texts.join(text, line.text());
    }
    return Texts.clean(text);
  }
}

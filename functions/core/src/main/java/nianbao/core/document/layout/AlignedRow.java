package nianbao.core.document.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A printed line cut at its wide gaps into chunks, each one cell's text on that line. */
final class AlignedRow {
  static final Pattern NUMBER = Pattern.compile("[-+]?[0-9０-９][0-9０-９,.，．]*%?");

  private AlignedRow() {}

  /** A run of a line's words with no gap wider than a character: one cell's text on that line. */
  record Chunk(String text, float left, float right, List<PositionedWord> words) {
    boolean isNumber() {
      return NUMBER.matcher(text).matches();
    }

    float center() {
      return (left + right) / 2;
    }
  }

  /** A line cut at its wide gaps. */
  record Row(TextLine line, List<Chunk> chunks, int numbers) {
    static Row of(TextLine line) {
      List<Chunk> chunks = new ArrayList<>();
      List<PositionedWord> run = new ArrayList<>();
      PositionedWord previous = null;
      for (PositionedWord w : line.words()) {
        if (w.isBlank()) {
          continue;
        }
        if (previous != null && Lines.isGap(previous, w)) {
          addChunk(chunks, run);
          run = new ArrayList<>();
        }
        run.add(w);
        previous = w;
      }
      addChunk(chunks, run);
      int numbers = 0;
      for (Chunk c : chunks) {
        numbers += c.isNumber() ? 1 : 0;
      }
      return new Row(line, chunks, numbers);
    }

    private static void addChunk(List<Chunk> chunks, List<PositionedWord> words) {
      for (TextLine text : Lines.of(words)) { // one line, or none when the words are invisible marks
        chunks.add(new Chunk(text.text(), text.left(), text.right(), text.words()));
      }
    }

    float baseline() {
      return line.baseline();
    }

    boolean isValueRow() {
      return numbers >= 2 || numbers == 1 && chunks.size() >= 2 && chunks.get(chunks.size() - 1).isNumber();
    }
  }
}

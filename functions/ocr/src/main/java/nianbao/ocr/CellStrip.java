package nianbao.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table cells cut out of the page and stacked one under another in a single image, each on its own with white
 * around it, so that one run of Tesseract reads every cell without the borders and the neighbouring cells that
 * confuse it on the whole page — and without the start-up cost of one run per cell (a run costs about 0.3 s of
 * CPU before it reads anything). Words found in the strip are mapped back to where they stand on the page.
 */
final class CellStrip {
  /** A cell's ink as placed in the strip: {@code source} in page pixels, its top-left at (margin, {@code y}). */
  record Slot(TableCells.Cell cell, int sourceX, int sourceY, int width, int height, int y) {}

  private final Grey image;
  private final List<Slot> slots;
  private final int margin;
  private final int gap;

  private CellStrip(Grey image, List<Slot> slots, int margin, int gap) {
    this.image = image;
    this.slots = slots;
    this.margin = margin;
    this.gap = gap;
  }

  Grey image() {
    return image;
  }

  List<Slot> slots() {
    return slots;
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /**
   * The strip of the cells that hold ink. A cell's ink is the box around its ink pixels (isolated pixels,
   * a scan's dust, are not ink), with a little paper around it.
   *
   * @param page      the page with its ruling lines painted out
   * @param threshold the grey level at or below which a pixel is ink
   * @param dpi       the page's resolution, for the spacing
   */
  static CellStrip of(Grey page, List<TableCells.Cell> cells, int threshold, float dpi) {
    int pad = Math.round(dpi / 30);
    int minInk = Math.max(4, Math.round(dpi * dpi / 9000f)); // a full stop at 300 dpi has about 30 pixels
    List<Slot> sources = new ArrayList<>();
    for (TableCells.Cell cell : cells) {
      int[] box = inkBox(page, cell, threshold, minInk);
      if (box != null) {
        int x0 = Math.max(cell.x0(), box[0] - pad);
        int y0 = Math.max(cell.y0(), box[1] - pad);
        int x1 = Math.min(cell.x1(), box[2] + pad);
        int y1 = Math.min(cell.y1(), box[3] + pad);
        sources.add(new Slot(cell, x0, y0, x1 - x0, y1 - y0, 0));
      }
    }
    return build(page, sources, dpi);
  }

  /** A strip of some of this strip's slots (the cells that hold figures), for a second reading. */
  static CellStrip of(Grey page, List<Slot> chosen, float dpi) {
    return build(page, chosen, dpi);
  }

  private static CellStrip build(Grey page, List<Slot> sources, float dpi) {
    int margin = Math.round(dpi / 15);
    int gap = Math.round(dpi / 6);
    List<Slot> slots = new ArrayList<>();
    int y = margin;
    int width = 0;
    for (Slot s : sources) {
      slots.add(new Slot(s.cell(), s.sourceX(), s.sourceY(), s.width(), s.height(), y));
      y += s.height() + gap;
      width = Math.max(width, s.width());
    }
    Grey strip = Grey.blank(Math.max(1, width + 2 * margin), Math.max(1, y - gap + margin));
    for (Slot s : slots) {
      for (int r = 0; r < s.height(); r++) {
        System.arraycopy(page.pixels, (s.sourceY() + r) * page.width + s.sourceX(), strip.pixels,
            (s.y() + r) * strip.width + margin, s.width());
      }
    }
    return new CellStrip(strip, List.copyOf(slots), margin, gap);
  }

  /** The box {x0, y0, x1, y1} (exclusive) of the cell's ink, or null when it holds fewer than minInk pixels. */
  private static int[] inkBox(Grey page, TableCells.Cell cell, int threshold, int minInk) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = -1;
    int y1 = -1;
    int count = 0;
    for (int y = cell.y0(); y < cell.y1(); y++) {
      for (int x = cell.x0(); x < cell.x1(); x++) {
        if (page.at(x, y) <= threshold && hasInkNeighbour(page, cell, x, y, threshold)) {
          count++;
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return count < minInk ? null : new int[] {x0, y0, x1, y1};
  }

  private static boolean hasInkNeighbour(Grey page, TableCells.Cell cell, int x, int y, int threshold) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx;
        int ny = y + dy;
        if ((dx != 0 || dy != 0) && nx >= cell.x0() && ny >= cell.y0() && nx < cell.x1() && ny < cell.y1()
            && page.at(nx, ny) <= threshold) {
          return true;
        }
      }
    }
    return false;
  }

  /** The words of this strip read {@code factor} times larger ({@link Grey#scaled}), placed as {@link #place}. */
  Map<Slot, List<TsvWords.Word>> placeScaled(List<TsvWords.Word> words, float factor) {
    List<TsvWords.Word> back = new ArrayList<>();
    for (TsvWords.Word w : words) {
      int left = (int) (w.left() / factor);
      int top = (int) (w.top() / factor);
      back.add(new TsvWords.Word(w.text(), left, top, Math.max(1, (int) Math.ceil(w.right() / factor) - left),
          Math.max(1, (int) Math.ceil(w.bottom() / factor) - top), w.confidence(), w.line()));
    }
    return place(back);
  }

  /** The strip's words by the slot they fall in (by their centre), in page pixels. */
  Map<Slot, List<TsvWords.Word>> place(List<TsvWords.Word> words) {
    Map<Slot, List<TsvWords.Word>> out = new LinkedHashMap<>();
    for (TsvWords.Word w : words) {
      int cy = w.top() + w.height() / 2;
      Slot s = slotAt(cy);
      if (s == null) {
        continue;
      }
      int left = Math.max(s.sourceX(), w.left() - margin + s.sourceX());
      int top = Math.max(s.sourceY(), w.top() - s.y() + s.sourceY());
      int right = Math.min(s.sourceX() + s.width(), w.right() - margin + s.sourceX());
      int bottom = Math.min(s.sourceY() + s.height(), w.bottom() - s.y() + s.sourceY());
      if (right > left && bottom > top) {
        out.computeIfAbsent(s, k -> new ArrayList<>()).add(
            new TsvWords.Word(w.text(), left, top, right - left, bottom - top, w.confidence(), w.line()));
      }
    }
    return out;
  }

  private Slot slotAt(int y) {
    int lo = 0;
    int hi = slots.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Slot s = slots.get(mid);
      if (y < s.y() - gap / 2) {
        hi = mid - 1;
      } else if (y >= s.y() + s.height() + gap / 2) {
        lo = mid + 1;
      } else {
        return s;
      }
    }
    return null;
  }
}

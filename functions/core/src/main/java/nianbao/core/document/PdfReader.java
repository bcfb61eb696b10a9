package nianbao.core.document;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF with a text layer, through PDFBox 3. Glyph positions are grouped into lines by baseline; tables are
 * found from their ruling lines (the strokes and thin filled rectangles that draw cell borders): the
 * borders give the grid, a missing border between two grid cells merges them (rowspan/colspan), and the
 * glyphs inside a cell, over however many lines its label wraps, are its text. A table that ends a page
 * and one that starts the next with the same outer edges are one table. Text outside tables becomes
 * paragraphs: wrapped lines are joined back, a short line or an indented next line ends a paragraph.
 *
 * <p>Rejected: a PDF needing a password, one with more than {@link #MAX_PAGES} pages, one without a text
 * layer (scanned; no OCR here). Main memory for PDFBox's buffers is capped.
 */
public final class PdfReader implements DocumentReader {
  public static final String FORMAT = "pdf";
  public static final int MAX_PAGES = 100;
  static final long MAX_MEMORY = 256L * 1024 * 1024;
  static final String PDFBOX_VERSION = HtmlReader.libraryVersion("org.apache.pdfbox", "pdfbox", "3.0.6");
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "^[-—–－\\s]*(第\\s*)?\\d{1,3}(\\s*页)?(\\s*[/／共]\\s*\\d{1,3}\\s*页?)?[-—–－\\s]*$|^-?\\s*\\d+\\s*-?$");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "pdf/1+pdfbox-" + PDFBOX_VERSION;
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null,
        MemoryUsageSetting.setupMainMemoryOnly(MAX_MEMORY).streamCache)) {
      int pages = pdf.getNumberOfPages();
      if (pages > MAX_PAGES) {
        throw new UnreadableDocumentException(FORMAT, "PDF 页数过多（" + pages + " 页，上限 " + MAX_PAGES + " 页）");
      }
      if (pages == 0) {
        throw new UnreadableDocumentException(FORMAT, "PDF 没有页面");
      }
      List<PageContent> contents = new ArrayList<>();
      int glyphs = 0;
      boolean images = false;
      Collector collector = new Collector();
      for (int p = 0; p < pages; p++) {
        Deadline.check();
        PDPage page = pdf.getPage(p);
        collector.glyphs.clear();
        collector.setStartPage(p + 1);
        collector.setEndPage(p + 1);
        collector.getText(pdf);
        Rulings rulings = new Rulings(page);
        rulings.processPage(page);
        images |= rulings.images > 0;
        List<Glyph> pageGlyphs = new ArrayList<>(collector.glyphs);
        for (Glyph g : pageGlyphs) {
          if (!g.text.isBlank()) {
            glyphs++;
          }
        }
        contents.add(layout(pageGlyphs, rulings, page));
      }
      if (glyphs < 10) {
        throw new UnreadableDocumentException(FORMAT, images
            ? "扫描版 PDF：没有文字层，无法读取（不做文字识别）"
            : "PDF 中没有可读取的文字");
      }
      return new Document(FORMAT, null, version(), assemble(contents));
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException(FORMAT, "PDF 已加密（需要打开密码），无法读取", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("Maximum allowed")) {
        throw new UnreadableDocumentException(FORMAT, "PDF 过于复杂：读取所需内存超过上限", e);
      }
      throw new UnreadableDocumentException(FORMAT, "PDF 已损坏，无法读取", e);
    }
  }

  // ---------------------------------------------------------------- collection

  /** One glyph in page coordinates, y growing downwards from the top of the crop box. */
  record Glyph(String text, float x, float right, float baseline, float top, float size) {
    float cx() {
      return (x + right) / 2;
    }

    float cy() {
      return (top + baseline) / 2;
    }
  }

  /** Collects the page's glyphs (after PDFBox's de-duplication of overlapping, fake-bold text). */
  private static final class Collector extends PDFTextStripper {
    final List<Glyph> glyphs = new ArrayList<>();
    private int operators;

    Collector() {
      setSortByPosition(false);
      setSuppressDuplicateOverlappingText(true);
    }

    @Override
    protected void writePage() {
      for (List<TextPosition> article : getCharactersByArticle()) {
        for (TextPosition t : article) {
          String s = t.getUnicode();
          if (s == null || s.isEmpty()) {
            continue;
          }
          float h = t.getHeightDir();
          float size = Math.max(h, Math.max(1f, Math.abs(t.getFontSizeInPt()) * 0.7f));
          if (h <= 0 || h > 3 * size) {
            h = size;
          }
          float x = t.getXDirAdj();
          float w = Math.max(t.getWidthDirAdj(), 0.1f);
          float base = t.getYDirAdj();
          glyphs.add(new Glyph(s, x, x + w, base, base - h, size));
        }
      }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if ((++operators & 255) == 0) {
        Deadline.check();
      }
      super.processOperator(operator, operands);
    }
  }

  /** A horizontal (y fixed) or vertical (x fixed) ruling line, in the glyphs' coordinates. */
  record Segment(boolean horizontal, float at, float from, float to) {}

  /** Collects ruling lines: stroked lines and rectangle edges, and thin filled rectangles. Counts images. */
  private static final class Rulings extends PDFGraphicsStreamEngine {
    final List<Segment> segments = new ArrayList<>();
    int images;
    private final List<float[]> path = new ArrayList<>(); // stroked pieces {x1,y1,x2,y2}
    private final List<List<float[]>> subpaths = new ArrayList<>(); // points of each subpath, for fills
    private List<float[]> subpath;
    private Point2D.Float current = new Point2D.Float();
    private Point2D.Float start = new Point2D.Float();
    private final float llx;
    private final float top;
    private int operators;

    Rulings(PDPage page) {
      super(page);
      PDRectangle crop = page.getCropBox();
      llx = crop.getLowerLeftX();
      top = crop.getUpperRightY();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if ((++operators & 255) == 0) {
        Deadline.check();
      }
      super.processOperator(operator, operands);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
      moveTo((float) p0.getX(), (float) p0.getY());
      lineTo((float) p1.getX(), (float) p1.getY());
      lineTo((float) p2.getX(), (float) p2.getY());
      lineTo((float) p3.getX(), (float) p3.getY());
      closePath();
    }

    @Override
    public void moveTo(float x, float y) {
      current = new Point2D.Float(x, y);
      start = current;
      subpath = new ArrayList<>();
      subpath.add(new float[] {x, y});
      subpaths.add(subpath);
    }

    @Override
    public void lineTo(float x, float y) {
      path.add(new float[] {current.x, current.y, x, y});
      current = new Point2D.Float(x, y);
      if (subpath == null) {
        moveTo(x, y);
      }
      subpath.add(new float[] {x, y});
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
      current = new Point2D.Float(x3, y3);
      if (subpath != null) {
        subpath.add(new float[] {Float.NaN, Float.NaN}); // curves make no ruling
      }
    }

    @Override
    public Point2D getCurrentPoint() {
      return current;
    }

    @Override
    public void closePath() {
      if (current.x != start.x || current.y != start.y) {
        path.add(new float[] {current.x, current.y, start.x, start.y});
      }
      current = start;
    }

    @Override
    public void endPath() {
      path.clear();
      subpaths.clear();
      subpath = null;
    }

    @Override
    public void strokePath() {
      for (float[] l : path) {
        line(l[0], l[1], l[2], l[3]);
      }
      endPath();
    }

    /** A filled subpath that is a thin bar (at most 3 units across) is a ruling line. */
    @Override
    public void fillPath(int windingRule) {
      for (List<float[]> points : subpaths) {
        float x1 = Float.MAX_VALUE;
        float y1 = Float.MAX_VALUE;
        float x2 = -Float.MAX_VALUE;
        float y2 = -Float.MAX_VALUE;
        boolean curved = false;
        for (float[] pt : points) {
          if (Float.isNaN(pt[0])) {
            curved = true;
            break;
          }
          x1 = Math.min(x1, pt[0]);
          y1 = Math.min(y1, pt[1]);
          x2 = Math.max(x2, pt[0]);
          y2 = Math.max(y2, pt[1]);
        }
        if (curved || points.size() < 3) {
          continue;
        }
        float w = x2 - x1;
        float h = y2 - y1;
        if (w <= 3 && h > w) {
          line((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
        } else if (h <= 3 && w > h) {
          line(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
        }
      }
      endPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
      strokePath();
    }

    @Override
    public void clip(int windingRule) {
      // the path that follows (usually "n") is dropped by endPath
    }

    @Override
    public void drawImage(PDImage pdImage) {
      images++;
    }

    @Override
    public void shadingFill(COSName shadingName) {
      // no rulings in shadings
    }

    private void line(float x1, float y1, float x2, float y2) {
      float ax = x1 - llx;
      float bx = x2 - llx;
      float ay = top - y1;
      float by = top - y2;
      if (Math.abs(ay - by) < 1f && Math.abs(ax - bx) >= 2f) {
        segments.add(new Segment(true, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
      } else if (Math.abs(ax - bx) < 1f && Math.abs(ay - by) >= 2f) {
        segments.add(new Segment(false, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
      }
    }
  }

  // ---------------------------------------------------------------- page layout

  /** A page's content in reading order: text lines and ruled tables. */
  record PageContent(List<Object> items, float height) {}

  /** A text line: its glyphs left to right. */
  record Line(String text, float left, float right, float baseline, float top, float size) {}

  /** A ruled table before its grid is built: column edges, row count and merged cells. */
  static final class RawTable {
    float[] xs;
    int rows;
    final List<RawCell> cells = new ArrayList<>();
    float top;
    float bottom;
  }

  /** A merged cell; {@code openTop}/{@code openBottom}: no border drawn there (a page break cuts the cell). */
  record RawCell(int r0, int r1, int c0, int c1, String text, boolean openTop, boolean openBottom) {
    RawCell with(int newR0, int newR1, int newC0, int newC1, String newText) {
      return new RawCell(newR0, newR1, newC0, newC1, newText, openTop, openBottom);
    }
  }

  private static PageContent layout(List<Glyph> glyphs, Rulings rulings, PDPage page) {
    List<RawTable> tables = tables(rulings.segments, glyphs);
    List<Object> items = new ArrayList<>(tables);
    List<Glyph> free = new ArrayList<>();
    outer:
    for (Glyph g : glyphs) {
      for (RawTable t : tables) {
        if (g.cy() >= t.top - 1 && g.cy() <= t.bottom + 1 && g.cx() >= t.xs[0] - 1 && g.cx() <= t.xs[t.xs.length - 1] + 1) {
          continue outer;
        }
      }
      free.add(g);
    }
    float height = page.getCropBox().getHeight();
    for (Line line : lines(free)) {
      boolean margin = line.top > height * 0.9f || line.baseline < height * 0.08f;
      if (margin && PAGE_NUMBER.matcher(line.text).matches()) {
        continue; // page numbers and running footers
      }
      items.add(line);
    }
    items.sort(Comparator.comparingDouble(o -> o instanceof Line l ? l.top : ((RawTable) o).top));
    return new PageContent(items, height);
  }

  /** Groups glyphs into lines by baseline and orders each line left to right, with spaces at wide gaps. */
  static List<Line> lines(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::x));
    List<List<Glyph>> groups = new ArrayList<>();
    List<Glyph> current = null;
    float base = 0;
    for (Glyph g : sorted) {
      if (current == null || Math.abs(g.baseline - base) > 0.45f * Math.max(g.size, current.get(0).size)) {
        current = new ArrayList<>();
        groups.add(current);
        base = g.baseline;
      }
      current.add(g);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Glyph> group : groups) {
      group.sort(Comparator.comparingDouble(Glyph::x));
      StringBuilder text = new StringBuilder();
      float left = Float.MAX_VALUE;
      float right = -Float.MAX_VALUE;
      float top = Float.MAX_VALUE;
      float size = 0;
      Glyph previous = null;
      for (Glyph g : group) {
        if (previous != null && g.x - previous.right > 0.8f * Math.max(g.size, previous.size)
            && !previous.text.isBlank() && !g.text.isBlank()) {
          text.append(' ');
        }
        text.append(g.text);
        if (!g.text.isBlank()) {
          left = Math.min(left, g.x);
          right = Math.max(right, g.right);
          top = Math.min(top, g.top);
          size = Math.max(size, g.size);
        }
        previous = g;
      }
      String cleaned = Texts.clean(text);
      if (!cleaned.isEmpty()) {
        lines.add(new Line(cleaned, left, right, group.get(0).baseline, top, size));
      }
    }
    return lines;
  }

  // ---------------------------------------------------------------- ruled tables

  private static List<Segment> merge(List<Segment> segments, boolean horizontal) {
    List<Segment> list = new ArrayList<>();
    for (Segment s : segments) {
      if (s.horizontal == horizontal) {
        list.add(s);
      }
    }
    list.sort(Comparator.comparingDouble(Segment::at).thenComparingDouble(Segment::from));
    List<Segment> merged = new ArrayList<>();
    boolean[] used = new boolean[list.size()];
    for (int i = 0; i < list.size(); i++) {
      if (used[i]) {
        continue;
      }
      Segment s = list.get(i);
      float at = s.at;
      float from = s.from;
      float to = s.to;
      boolean grew = true;
      while (grew) {
        grew = false;
        for (int j = i + 1; j < list.size() && list.get(j).at - s.at <= 1.5f; j++) {
          Segment o = list.get(j);
          if (!used[j] && o.from <= to + 2f && o.to >= from - 2f) {
            used[j] = true;
            from = Math.min(from, o.from);
            to = Math.max(to, o.to);
            grew = true;
          }
        }
      }
      merged.add(new Segment(horizontal, at, from, to));
    }
    return merged;
  }

  /** Finds ruled tables: connected groups of crossing horizontal and vertical lines. */
  static List<RawTable> tables(List<Segment> segments, List<Glyph> glyphs) {
    List<Segment> hs = merge(segments, true);
    List<Segment> vs = merge(segments, false);
    if (hs.size() < 2 || vs.size() < 2 || hs.size() + vs.size() > 20_000) {
      return List.of();
    }
    int n = hs.size() + vs.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    float tol = 2f;
    for (int i = 0; i < hs.size(); i++) {
      Segment h = hs.get(i);
      for (int j = 0; j < vs.size(); j++) {
        Segment v = vs.get(j);
        if (v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol) {
          union(parent, i, hs.size() + j);
        }
      }
      Deadline.check();
    }
    List<RawTable> tables = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (find(parent, root) != root) {
        continue;
      }
      List<Segment> h = new ArrayList<>();
      List<Segment> v = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (find(parent, i) == root) {
          if (i < hs.size()) {
            h.add(hs.get(i));
          } else {
            v.add(vs.get(i - hs.size()));
          }
        }
      }
      if (h.size() >= 2 && v.size() >= 2) {
        RawTable t = table(h, v, glyphs);
        if (t != null) {
          tables.add(t);
        }
      }
    }
    return tables;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  private static float[] cluster(List<Float> values) {
    values.sort(Float::compare);
    List<Float> out = new ArrayList<>();
    float sum = 0;
    int count = 0;
    float first = 0;
    for (float v : values) {
      if (count > 0 && v - first > 2f) {
        out.add(sum / count);
        count = 0;
        sum = 0;
      }
      if (count == 0) {
        first = v;
      }
      sum += v;
      count++;
    }
    if (count > 0) {
      out.add(sum / count);
    }
    float[] a = new float[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  private static boolean covered(List<Segment> lines, float at, float from, float to) {
    float mid = (from + to) / 2;
    float quarter = (to - from) / 4;
    for (Segment s : lines) {
      if (Math.abs(s.at - at) <= 2f && s.from <= mid - quarter + 1f && s.to >= mid + quarter - 1f) {
        return true;
      }
    }
    return false;
  }

  private static RawTable table(List<Segment> h, List<Segment> v, List<Glyph> glyphs) {
    List<Float> xl = new ArrayList<>();
    for (Segment s : v) {
      xl.add(s.at);
    }
    List<Float> yl = new ArrayList<>();
    for (Segment s : h) {
      yl.add(s.at);
    }
    float[] xs = cluster(xl);
    float[] ys = cluster(yl);
    int rows = ys.length - 1;
    int cols = xs.length - 1;
    if (rows < 1 || cols < 1 || (long) rows * cols > 100_000) {
      return null;
    }
    // merge fine cells not separated by a drawn border
    int[] parent = new int[rows * cols];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (c + 1 < cols && !covered(v, xs[c + 1], ys[r], ys[r + 1])) {
          union(parent, r * cols + c, r * cols + c + 1);
        }
        if (r + 1 < rows && !covered(h, ys[r + 1], xs[c], xs[c + 1])) {
          union(parent, r * cols + c, (r + 1) * cols + c);
        }
      }
    }
    int[][] box = new int[rows * cols][];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int root = find(parent, r * cols + c);
        int[] b = box[root];
        if (b == null) {
          box[root] = new int[] {r, r, c, c};
        } else {
          b[0] = Math.min(b[0], r);
          b[1] = Math.max(b[1], r);
          b[2] = Math.min(b[2], c);
          b[3] = Math.max(b[3], c);
        }
      }
    }
    List<List<Glyph>> inCell = new ArrayList<>();
    for (int i = 0; i < rows * cols; i++) {
      inCell.add(null);
    }
    int placed = 0;
    for (Glyph g : glyphs) {
      float cx = g.cx();
      float cy = g.cy();
      if (cx < xs[0] - 1 || cx > xs[cols] + 1 || cy < ys[0] - 1 || cy > ys[rows] + 1) {
        continue;
      }
      int c = Math.max(0, Math.min(cols - 1, upper(xs, cx) - 1));
      int r = Math.max(0, Math.min(rows - 1, upper(ys, cy) - 1));
      int root = find(parent, r * cols + c);
      if (inCell.get(root) == null) {
        inCell.set(root, new ArrayList<>());
      }
      inCell.get(root).add(g);
      placed++;
    }
    if (rows * cols == 1 && placed == 0) {
      return null; // a box drawn around nothing
    }
    RawTable t = new RawTable();
    t.xs = xs;
    t.rows = rows;
    t.top = ys[0];
    t.bottom = ys[rows];
    for (int i = 0; i < rows * cols; i++) {
      if (box[i] != null) {
        List<Glyph> g = inCell.get(i);
        int[] b = box[i];
        boolean openTop = b[0] == 0 && !covered(h, ys[0], xs[b[2]], xs[b[3] + 1]);
        boolean openBottom = b[1] == rows - 1 && !covered(h, ys[rows], xs[b[2]], xs[b[3] + 1]);
        t.cells.add(new RawCell(b[0], b[1], b[2], b[3], g == null ? "" : cellText(g), openTop, openBottom));
      }
    }
    t.cells.sort(Comparator.comparingInt(RawCell::r0).thenComparingInt(RawCell::c0));
    return t;
  }

  /** Index of the first element greater than value. */
  private static int upper(float[] a, float value) {
    int i = Arrays.binarySearch(a, value);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** A cell's lines joined as one wrapped text. */
  private static String cellText(List<Glyph> glyphs) {
    String text = "";
    for (Line line : lines(glyphs)) {
      text = text.isEmpty() ? line.text : Texts.join(text, line.text);
    }
    return Texts.clean(text);
  }

  // ---------------------------------------------------------------- assembly across pages

  private static List<Block> assemble(List<PageContent> pages) {
    // 1. flatten, merging a table that ends a page with one that starts the next page
    List<Object> items = new ArrayList<>();
    for (PageContent page : pages) {
      for (int i = 0; i < page.items.size(); i++) {
        Object item = page.items.get(i);
        int before = items.size() - 2; // the item before this page's break marker
        if (i == 0 && item instanceof RawTable next && before >= 0
            && items.get(before) instanceof RawTable previous && sameEdges(previous, next)) {
          items.set(before, concat(previous, next));
          items.remove(items.size() - 1); // the page break inside the table
        } else {
          items.add(item);
        }
      }
      items.add(PAGE_BREAK);
    }
    // 2. paragraphs from lines; tables from raw tables
    float left = Float.MAX_VALUE;
    float right = -Float.MAX_VALUE;
    for (Object o : items) {
      if (o instanceof Line l) {
        left = Math.min(left, l.left);
        right = Math.max(right, l.right);
      }
    }
    List<Block> blocks = new ArrayList<>();
    String paragraph = null;
    Line last = null;
    boolean pageBreakSince = false;
    for (Object o : items) {
      if (o == PAGE_BREAK) {
        pageBreakSince = true;
        continue;
      }
      if (o instanceof RawTable t) {
        if (paragraph != null) {
          blocks.add(new Paragraph(paragraph));
          paragraph = null;
        }
        last = null;
        List<List<String>> grid = build(t);
        if (!grid.isEmpty()) {
          blocks.add(new Table(grid));
        }
        continue;
      }
      Line line = (Line) o;
      boolean continues = last != null && paragraph != null
          && last.right >= right - 2.0f * last.size
          && line.left <= left + 0.8f * line.size
          && Math.abs(line.size - last.size) <= 0.2f * last.size
          && (pageBreakSince || line.baseline - last.baseline <= 2.0f * last.size && line.baseline > last.baseline);
      if (continues) {
        paragraph = Texts.join(paragraph, line.text);
      } else {
        if (paragraph != null) {
          blocks.add(new Paragraph(paragraph));
        }
        paragraph = line.text;
      }
      last = line;
      pageBreakSince = false;
    }
    if (paragraph != null) {
      blocks.add(new Paragraph(paragraph));
    }
    return List.copyOf(blocks);
  }

  private static final Object PAGE_BREAK = new Object();

  private static boolean sameEdges(RawTable a, RawTable b) {
    return Math.abs(a.xs[0] - b.xs[0]) <= 3f && Math.abs(a.xs[a.xs.length - 1] - b.xs[b.xs.length - 1]) <= 3f;
  }

  /** Joins a table continued on the next page: the union of both column edges, rows appended. */
  private static RawTable concat(RawTable a, RawTable b) {
    b = joinBrokenRow(a, b);
    b = continueSpans(a, b);
    List<Float> all = new ArrayList<>();
    for (float x : a.xs) {
      all.add(x);
    }
    for (float x : b.xs) {
      all.add(x);
    }
    float[] xs = cluster(all);
    RawTable t = new RawTable();
    t.xs = xs;
    t.rows = a.rows + b.rows;
    t.top = a.top;
    t.bottom = b.bottom;
    for (RawCell c : a.cells) {
      t.cells.add(c.with(c.r0, c.r1, index(xs, a.xs[c.c0]), index(xs, a.xs[c.c1 + 1]) - 1, c.text));
    }
    for (RawCell c : b.cells) {
      t.cells.add(c.with(c.r0 + a.rows, c.r1 + a.rows, index(xs, b.xs[c.c0]), index(xs, b.xs[c.c1 + 1]) - 1,
          c.text));
    }
    t.cells.sort(Comparator.comparingInt(RawCell::r0).thenComparingInt(RawCell::c0));
    return t;
  }

  private static int index(float[] xs, float x) {
    int best = 0;
    for (int i = 1; i < xs.length; i++) {
      if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) {
        best = i;
      }
    }
    return best;
  }

  /** The grid of a ruled table. */
  private static List<List<String>> build(RawTable t) {
    GridBuilder grid = new GridBuilder();
    for (int r = 0; r < t.rows; r++) {
      grid.startRow();
    }
    for (RawCell c : t.cells) {
      grid.place(c.r0, c.c0, c.text, c.c1 - c.c0 + 1, c.r1 - c.r0 + 1);
    }
    return grid.build();
  }

  /**
   * A cell that the page break cuts (三、本年度办理结果 merged over table B's outcome rows) goes on at the
   * top of the next page with the rest of its text: it is one cell again. It is recognised by no border at
   * the cut, or (office suites draw one) by the same edges with one side a one-row piece of a merged
   * cell and the other side spanning rows, or by an empty piece. Two merged groups meeting at the
   * break (（三）不予公开, then （四）无法提供) both span rows and stay apart.
   */
  private static RawTable continueSpans(RawTable a, RawTable b) {
    RawTable rest = new RawTable();
    rest.xs = b.xs;
    rest.rows = b.rows;
    rest.top = b.top;
    rest.bottom = b.bottom;
    for (RawCell c : b.cells) {
      int above = -1;
      if (c.r0 == 0 && !NUMBER.matcher(c.text).matches()) {
        for (int j = 0; j < a.cells.size(); j++) {
          RawCell o = a.cells.get(j);
          boolean cut = o.openBottom || c.openTop || c.text.isEmpty() || (o.r0 < o.r1) != (c.r0 < c.r1);
          if (o.r1 == a.rows - 1 && cut && !NUMBER.matcher(o.text).matches() && Math.abs(a.xs[o.c0] - b.xs[c.c0]) <= 3f
              && Math.abs(a.xs[o.c1 + 1] - b.xs[c.c1 + 1]) <= 3f) {
            above = j;
          }
        }
      }
      if (above >= 0) {
        RawCell o = a.cells.get(above);
        a.cells.set(above, o.with(o.r0, a.rows + c.r1, o.c0, o.c1, Texts.join(o.text, c.text)));
      } else {
        rest.cells.add(c);
      }
    }
    return rest;
  }

  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9０-９][0-9０-９,.，．]*%?");

  /**
   * A row broken by the page break (its label's last line on the next page) shows as a first row of the
   * continuation holding only text, each piece under a text cell of the last row above, while that row has
   * numbers: the pieces are joined to the cells above. Returns the continuation with those texts removed.
   */
  private static RawTable joinBrokenRow(RawTable a, RawTable b) {
    List<RawCell> lastRow = new ArrayList<>();
    boolean numbers = false;
    for (RawCell c : a.cells) {
      if (c.r1 == a.rows - 1) {
        lastRow.add(c);
        numbers |= c.r0 == a.rows - 1 && NUMBER.matcher(c.text).matches();
      }
    }
    if (!numbers) {
      return b;
    }
    List<int[]> joins = new ArrayList<>();
    for (int i = 0; i < b.cells.size(); i++) {
      RawCell c = b.cells.get(i);
      if (c.r0 != 0 || c.text.isEmpty()) {
        continue;
      }
      if (c.r1 != 0 || NUMBER.matcher(c.text).matches()) {
        return b;
      }
      float cx = (b.xs[c.c0] + b.xs[c.c1 + 1]) / 2;
      int target = -1;
      for (int j = 0; j < lastRow.size(); j++) {
        RawCell above = lastRow.get(j);
        if (a.xs[above.c0] <= cx && cx <= a.xs[above.c1 + 1] && !above.text.isEmpty()
            && !NUMBER.matcher(above.text).matches()) {
          target = a.cells.indexOf(above);
        }
      }
      if (target < 0) {
        return b;
      }
      joins.add(new int[] {i, target});
    }
    if (joins.isEmpty()) {
      return b;
    }
    RawTable rest = new RawTable();
    rest.xs = b.xs;
    rest.rows = b.rows;
    rest.top = b.top;
    rest.bottom = b.bottom;
    rest.cells.addAll(b.cells);
    for (int[] join : joins) {
      RawCell piece = b.cells.get(join[0]);
      RawCell above = a.cells.get(join[1]);
      a.cells.set(join[1], above.with(above.r0, above.r1, above.c0, above.c1, Texts.join(above.text, piece.text)));
      rest.cells.set(join[0], piece.with(piece.r0, piece.r1, piece.c0, piece.c1, ""));
    }
    return rest;
  }
}

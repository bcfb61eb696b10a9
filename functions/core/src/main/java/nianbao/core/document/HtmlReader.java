package nianbao.core.document;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A report page saved from an agency's site. Decodes by BOM, else the declared charset
 * ({@code <meta charset>} or http-equiv), else strictly as UTF-8 or GB18030 like {@link TextReader};
 * parses with jsoup; keeps the article (the element holding the report's text and tables) and drops the
 * site's chrome; gives headings and text as paragraphs and every data table as a {@link Table} with
 * rowspan/colspan resolved. A table that holds other tables is layout, not data: its cells are read as
 * ordinary content in order.
 */
public final class HtmlReader implements DocumentReader {
  public static final String FORMAT = "html";
  static final String JSOUP_VERSION = LibraryVersion.of("org.jsoup", "jsoup", "1.21.2");

  private static final Pattern TITLE = Pattern.compile("政府信息公开.{0,12}(年度)?报告|政务公开.{0,10}年度报告");
  /** Class and id words that mark site chrome. */
  private static final Pattern CHROME = Pattern.compile(
      "(^|[-_\\s])(nav|navbar|menu|menus|header|head|top|topbar|footer|foot|bottom|breadcrumb|crumb|crumbs|"
          + "location|position|share|bdshare|sidebar|side|aside|banner|copyright|toolbar|tools|login|search|"
          + "dh|wzdh|daohang|gjl|fenxiang|related|xgxx|xglj|links|friendlink|print|qrcode|ewm)([-_\\s\\d]|$)",
      Pattern.CASE_INSENSITIVE);
  private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "iframe", "object",
      "embed", "svg", "canvas", "select", "button", "input", "textarea", "nav", "header", "footer", "aside",
      "head", "map", "audio", "video", "img", "link", "meta");

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public String version() {
    return "html/2+jsoup-" + JSOUP_VERSION;
  }

  @Override
  public Document read(byte[] bytes) throws UnreadableDocumentException {
    TextReader.Decoded decoded = HtmlCharset.decode(bytes);
    Deadline.check();
    String text = decoded.text();
    if (ScriptMarkup.isScript(text)) {
      text = ScriptMarkup.markup(text); // a saved script (let content = "<p…"): its strings are the page
    }
    org.jsoup.nodes.Document dom = parse(text);
    Deadline.check();
    expandScripts(dom);
    Map<Element, Integer> tables = tableNumbers(dom);
    Element body = dom.body();
    prune(body);
    Element title = findTitle(body);
    Element main = mainContent(body);
    List<Block> blocks = new ArrayList<>();
    if (title != null && !isInside(title, main) && main != body) {
      String t = Texts.clean(title.text());
      if (!t.isEmpty()) {
        blocks.add(new Paragraph(t));
      }
    }
    new HtmlBlocks(blocks, tables).walk(main);
    return new Document(FORMAT, decoded.charset(), version(), List.copyOf(blocks));
  }

  /**
   * The blocks of a piece of markup inside another format (an HTML table in Markdown): no page to find the
   * article in, so everything but the never-content elements (script, style, …) is read.
   */
  static List<Block> readFragment(String html) {
    Element body = parse(html).body();
    Map<Element, Integer> tables = tableNumbers(body);
    prune(body);
    List<Block> blocks = new ArrayList<>();
    new HtmlBlocks(blocks, tables).walk(body);
    return blocks;
  }

  // ---------------------------------------------------------------- parsing

  /** Parses with the nesting capped, through a reader that checks the deadline as jsoup pulls the text. */
  private static org.jsoup.nodes.Document parse(String html) {
    return Parser.htmlParser().parseInput(new DeadlineReader(MarkupDepth.cap(html)), "");
  }

  /**
   * Puts the markup a script carries in its strings where the script stands (a script in the head: at the
   * start of the body), when that markup has the text of a report's page rather than of a widget. The
   * scripts themselves are dropped with the other non-content elements.
   */
  private static void expandScripts(org.jsoup.nodes.Document dom) {
    for (Element script : dom.getElementsByTag("script")) {
      Deadline.check();
      String markup = ScriptMarkup.markup(script.data());
      if (markup.isEmpty()) {
        continue;
      }
      Element holder = new Element("div");
      for (Node node : parse(markup).body().childNodes().toArray(new Node[0])) {
        holder.appendChild(node);
      }
      if (cjkCount(holder.text()) < SCRIPT_CONTENT_MIN_CJK) {
        continue;
      }
      if (dom.body() != null && isInside(script, dom.body())) {
        script.replaceWith(holder);
      } else if (dom.body() != null) {
        dom.body().prependChild(holder);
      }
    }
  }

  /** A script's markup with fewer Chinese characters than this is a widget (share buttons, pagers), not content. */
  private static final int SCRIPT_CONTENT_MIN_CJK = 20;

  private static int cjkCount(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Texts.isCjk(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** The text for jsoup in slices, checking the deadline before each: jsoup's parse has no hook of its own. */
  private static final class DeadlineReader extends java.io.Reader {
    private final String text;
    private int at;

    DeadlineReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      Deadline.check();
      if (at >= text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(length, 8192), text.length() - at);
      text.getChars(at, at + n, buffer, offset);
      at += n;
      return n;
    }

    @Override
    public void close() {}
  }

  // ---------------------------------------------------------------- main content

  /**
   * The first short heading-like element naming a 政府信息公开…年度报告, outside links (menus list other years'
   * reports) and data tables (a cell is not the title). One walk that keeps its own count of the enclosing
   * links and tables: asking each element for its ancestors would cost the depth once per element.
   */
  private static Element findTitle(Element body) {
    Element[] found = new Element[2]; // a heading or title-classed element; else the first match
    Deque<Boolean> dataTables = new ArrayDeque<>();
    int[] links = {0};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element e)) {
          return FilterResult.CONTINUE;
        }
        Deadline.check();
        if (e.normalName().equals("a")) {
          links[0]++;
        } else if (e.normalName().equals("table")) {
          dataTables.push(e.select("td table, th table").isEmpty());
        }
        if (links[0] > 0 || !dataTables.isEmpty() && dataTables.peek()) {
          return FilterResult.CONTINUE;
        }
        String own = Texts.clean(e.ownText());
        if (own.length() >= 8 && own.length() <= 80 && TITLE.matcher(own.replace(" ", "")).find()) {
          if (e.normalName().matches("h[1-6]") || e.className().toLowerCase(Locale.ROOT).contains("title")) {
            found[0] = e;
            return FilterResult.STOP;
          }
          if (found[1] == null) {
            found[1] = e;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e) {
          if (e.normalName().equals("a")) {
            links[0]--;
          } else if (e.normalName().equals("table")) {
            dataTables.pop();
          }
        }
        return FilterResult.CONTINUE;
      }
    }, body);
    return found[0] != null ? found[0] : found[1];
  }

  /** Removes elements that never carry the report, and chrome-looking blocks that are mostly links or short. */
  private static void prune(Element body) {
    List<Element> remove = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      Deadline.check();
      if (e == body) {
        continue;
      }
      if (DROP.contains(e.normalName()) && !e.normalName().equals("header") && !e.normalName().equals("footer")
          || isHidden(e)) {
        remove.add(e);
      } else if (e.normalName().equals("header") || e.normalName().equals("footer") || e.normalName().equals("nav")
          || e.normalName().equals("aside") || CHROME.matcher(e.className() + " " + e.id()).find()) {
        if (!holdsReport(e)) {
          remove.add(e);
        }
      }
    }
    for (Element e : remove) {
      Deadline.check();
      if (e.parent() != null) {
        e.remove();
      }
    }
  }

  private static boolean isHidden(Element e) {
    String style = e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT);
    return style.contains("display:none") || style.contains("visibility:hidden") || e.hasAttr("hidden");
  }

  /** A chrome-named block is kept when it holds much non-link text or a table: sites name content "top" too. */
  private static boolean holdsReport(Element e) {
    int[] counts = counts(e, new IdentityHashMap<>());
    return counts[0] >= 300 && counts[1] * 2 < counts[0] || !e.select("table td").isEmpty() && counts[0] >= 100;
  }

  /**
   * The deepest element holding nearly all of the page's content: every data table of its parent and at
   * least 90% of its parent's score (text not in links, less twice the link text).
   */
  private static Element mainContent(Element body) {
    Map<Element, int[]> memo = new IdentityHashMap<>();
    counts(body, memo);
    Element current = body;
    while (true) {
      int[] here = memo.get(current);
      Element next = null;
      for (Element child : current.children()) {
        Deadline.check();
        int[] c = memo.get(child);
        if (c != null && c[2] == here[2] && score(c) >= 0.9 * score(here) && score(c) > 0) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return current;
      }
      current = next;
      Deadline.check();
    }
  }

  private static double score(int[] c) {
    return c[0] - 2.0 * c[1];
  }

  /** [non-link text chars, link text chars, data tables] under an element. */
  private static int[] counts(Element e, Map<Element, int[]> memo) {
    int[] total = new int[3];
    boolean inLink = e.normalName().equals("a");
    Deadline.check();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        int len = visibleLength(t.getWholeText());
        if (inLink) {
          total[1] += len;
        } else {
          total[0] += len;
        }
      } else if (n instanceof Element child) {
        int[] c = counts(child, memo);
        if (inLink) {
          total[1] += c[0] + c[1];
        } else {
          total[0] += c[0];
          total[1] += c[1];
        }
        total[2] += c[2];
      }
    }
    if (e.normalName().equals("table") && e.select("table table").isEmpty() && e.select("tr").size() >= 2) {
      total[2]++;
    }
    memo.put(e, total);
    return total;
  }

  private static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!Texts.isSpace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e; p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Each table's number among the page's tables in document order, taken before anything is pruned. */
  private static Map<Element, Integer> tableNumbers(Element root) {
    Map<Element, Integer> numbers = new IdentityHashMap<>();
    for (Element table : root.getElementsByTag("table")) {
      numbers.put(table, numbers.size());
    }
    return numbers;
  }
}

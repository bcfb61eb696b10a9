package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.model.Sections;
import nianbao.store.ReportView;

/**
 * The report's free-text sections when they are too long to travel inside the report. Lambda answers at most
 * 6 MB, and a report whose section 五 printed 80,000 lines (7.7 MB) could not be viewed at all: {@code GET
 * /reports/{id}} now carries the first {@link #INLINE_CHARS} characters of a longer section and says where the
 * rest is ({@code sectionsTruncated}); this route serves the whole text in pages of {@link #PAGE_CHARS}.
 */
public final class SectionRoutes {
  /** A section longer than this (~600 KB of UTF-8 at most) is cut in the report and served here. */
  static final int INLINE_CHARS = 200_000;
  /** Characters per page of a section: ≤ 3 MB of UTF-8, well inside Lambda's 6 MB answer. */
  static final int PAGE_CHARS = 1_000_000;
  /** The section names of docs/FORMAT.md's {@code sections} object. */
  static final List<String> NAMES = List.of("overview", "problems", "other");

  private final ApiContext ctx;

  public SectionRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/reports/{id}/sections/{section}", "getReportSection", "报告某一文字部分的全文（分页）")
        .description("一、五、六部分的文字（overview、problems、other）。报告中超过 " + INLINE_CHARS
            + " 字的部分只带开头，全文在此按每页 " + PAGE_CHARS + " 字提供；下一页见 Link: rel=\"next\"。")
        .param(SharedParameters.ID)
        .param(Param.path("section", "{\"type\":\"string\",\"enum\":[\"overview\",\"problems\",\"other\"]}", "部分"))
        .param(Param.query("from", "{\"type\":\"integer\",\"minimum\":0}", "从第几个字开始（默认 0）"))
        .response(200, "text/plain", "SectionText", "文字", "ETag").problem(400, "参数有误").problem(404, "没有这份报告或这一部分")
        .to(this::section));
  }

  Response section(Request r) {
    Params.onlyKnown(r, Set.of("from"));
    String id = SharedParameters.reportId(r.param("id"));
    String name = r.param("section");
    if (!NAMES.contains(name)) {
      throw Problem.badParameter("section", "section 应为 overview、problems 或 other");
    }
    int from = from(r.query("from"));
    ReportView h = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    if (h.rejected()) {
      throw Problem.notFound("报告 " + id + " 未能识别为年度报告，没有文字部分");
    }
    String all = text(ctx.store().currentReport(h).sections(), name);
    if (all == null) {
      throw Problem.notFound("报告 " + id + " 没有这一部分的文字");
    }
    if (from > all.length()) {
      throw Problem.badParameter("from", "from 超出这一部分的长度（" + all.length() + " 字）");
    }
    int to = all.length() <= from + PAGE_CHARS ? all.length() : cut(all, from + PAGE_CHARS);
    Response out = new Response(200).header("Content-Type", "text/plain; charset=utf-8").body(all.substring(from, to))
        .cacheable();
    if (to < all.length()) {
      out.header("Link", "</reports/" + ReportRoutes.enc(id) + "/sections/" + name + "?from=" + to + ">; rel=\"next\"");
    }
    return out;
  }

  /**
   * Cuts each section of {@code report} (docs/FORMAT.md JSON, changed in place) longer than {@link #INLINE_CHARS}
   * to its beginning and records it in {@code sectionsTruncated}: its whole length and where to read it.
   */
  public static void capLongSections(ObjectNode report, String reportId) {
    JsonNode sections = report.path("sections");
    if (!(sections instanceof ObjectNode s)) {
      return;
    }
    ObjectNode truncated = null;
    for (String name : NAMES) {
      JsonNode text = s.path(name);
      if (text.isTextual() && text.asText().length() > INLINE_CHARS) {
        String all = text.asText();
        int cut = cut(all, INLINE_CHARS);
        s.put(name, all.substring(0, cut));
        if (truncated == null) {
          truncated = report.putObject("sectionsTruncated");
        }
        truncated.set(name, Json.tree(Map.of("chars", all.length(), "inlineChars", cut,
            "url", "/reports/" + ReportRoutes.enc(reportId) + "/sections/" + name)));
      }
    }
  }

  /** The section of docs/FORMAT.md's {@code sections} named {@code name}, or null. */
  private static String text(Sections sections, String name) {
    if (sections == null) {
      return null;
    }
    return switch (name) {
      case "overview" -> sections.overview();
      case "problems" -> sections.problems();
      default -> sections.other();
    };
  }

  /** Where to cut {@code text} at about {@code at} characters: never inside a character outside the basic plane. */
  private static int cut(String text, int at) {
    return Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
  }

  private static int from(String value) {
    if (value == null) {
      return 0;
    }
    try {
      int from = Integer.parseInt(value);
      if (from >= 0) {
        return from;
      }
    } catch (NumberFormatException e) {
      // the 400 below
    }
    throw Problem.badParameter("from", "from 应为非负整数");
  }
}

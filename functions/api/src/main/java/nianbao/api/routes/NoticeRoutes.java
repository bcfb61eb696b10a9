package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import nianbao.api.notice.NoticeContent;
import nianbao.api.notice.NoticeDocx;
import nianbao.api.notice.NoticeHtml;
import nianbao.core.review.Notice;
import nianbao.store.ListFilter;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportView;
import nianbao.store.lists.ListSort;
import nianbao.store.review.ReviewState;
import nianbao.store.write.Change;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.WriteResult;

/**
 * Rectification notices (整改通知): {@code GET /reports/{id}/notice} and {@code GET /notices?<the /reports
 * filters>} render them (HTML to print, or DOCX) and change nothing; {@code POST /reports/{id}/notice} records that
 * one was issued, which makes the report 已通知整改. A notice lists the confirmed findings only.
 */
public final class NoticeRoutes {
  /** Who issues, when neither the request nor the recorded notice names an office. */
  static final String DEFAULT_ISSUER = "政府信息公开工作主管部门";
  /** Days from the notice's date to its deadline, when none is given. */
  static final int DEFAULT_DAYS = 30;
  /** Reports one {@code /notices} request reads at most: the answer must fit in one Lambda response. */
  static final int MAX_REPORTS = 200;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final List<Param> RENDER_PARAMS = List.of(
      Param.query("format", "{\"type\":\"string\",\"enum\":[\"html\",\"docx\"],\"default\":\"html\"}",
          "html：可打印的网页（A4，含打印按钮）；docx：Word 文档"),
      Param.query("note", "{\"type\":\"string\",\"maxLength\":2000}", "审核意见，印在通知中（原样转义）"),
      Param.query("deadline", "{\"type\":\"string\",\"format\":\"date\"}",
          "整改期限 YYYY-MM-DD；不给时用已发出通知的期限，否则为通知日期后 30 日"),
      Param.query("issuer", "{\"type\":\"string\",\"maxLength\":100}", "发文机关；不给时用已发出通知的，否则为“"
          + DEFAULT_ISSUER + "”"));

  private final ApiContext ctx;

  public NoticeRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    List<Param> listParams = new ArrayList<>(Filters.PARAMS);
    listParams.addAll(RENDER_PARAMS);
    return List.of(
        Route.get("/reports/{id}/notice", "reportNotice", "一份报告的整改通知（可打印网页或 Word）")
            .description("列出审核人已确认的问题（驳回的、待审核的不列）：表格、行、列、应为、实为与规则说明，"
                + "致报告机关，附发文机关、日期与整改期限。只读：发出通知用 POST。已对当前版本发出过通知时，"
                + "日期、期限、发文机关与审核意见取自该通知（参数可覆盖）。")
            .param(SharedParameters.ID).params(RENDER_PARAMS)
            .response(200, "text/html", "NoticeHtml", "整改通知（HTML；format=docx 时为 Word 文档）")
            .alsoAs(200, NoticeDocx.MEDIA_TYPE, "NoticeDocx")
            .problem(400, "参数有误").problem(404, "没有这份报告").problem(409, "没有已确认的问题").to(this::one),
        Route.post("/reports/{id}/notice", "issueNotice", "发出整改通知：报告转为已通知整改（需要授权）")
            .description("记录对当前版本发出的整改通知（所列问题为当时已确认的发现），报告的审核状态变为 NOTIFIED，"
                + "直到此后的新版本不再有这些问题（RECTIFIED）。尚有待审核的错误发现，或没有已确认的问题时为 409。"
                + "可带 If-Match。")
            .writes().param(SharedParameters.ID).body("application/json", "NoticeRequest", "期限、发文机关、审核意见（均可省略）")
            .json(201, "NoticeResult", "已记录").problem(400, "请求体有误").problem(401, "未登录")
            .problem(404, "没有这份报告").problem(409, "尚未审核完毕或没有已确认的问题")
            .problem(412, "报告已被他人修改（If-Match 不符）").problem(415, "请求体不是 JSON").to(this::issue),
        Route.get("/notices", "notices", "筛选出的每份报告的整改通知，合为一个文档（每份一页起）")
            .description("筛选参数同 GET /reports；只含有已确认问题的报告，按所选排序。最多读取 " + MAX_REPORTS
                + " 份报告，超过时为 400，请缩小筛选范围（如 review=REVIEWED 加地区）。")
            .params(listParams)
            .response(200, "text/html", "NoticeHtml", "整改通知（HTML；format=docx 时为 Word 文档）")
            .alsoAs(200, NoticeDocx.MEDIA_TYPE, "NoticeDocx")
            .problem(400, "参数有误或报告过多").problem(404, "没有含已确认问题的报告").to(this::many));
  }

  /** How a notice is rendered: what the request asks, else what was recorded, else the defaults. */
  record Options(boolean docx, String note, LocalDate deadline, String issuer) {}

  Options options(Request r) {
    String format = Params.oneOf(r, "format", List.of("HTML", "DOCX"));
    String deadline = Params.text(r, "deadline", 10);
    return new Options("DOCX".equals(format), Params.text(r, "note", 2000), deadline == null ? null
        : date(deadline, "deadline"), Params.text(r, "issuer", 100));
  }

  Response one(Request r) {
    Params.onlyKnown(r, Set.of("format", "note", "deadline", "issuer"));
    Options o = options(r);
    String id = SharedParameters.reportId(r.param("id"));
    ReportView view = ctx.store().reportView(id).filter(v -> !v.rejected())
        .orElseThrow(() -> SharedParameters.noReport(id));
    NoticeContent n = content(view, o);
    if (n.problems().isEmpty()) {
      throw new Problem(Problem.Type.CONFLICT, "报告 " + id + " 没有已确认的问题：先在审核中确认要求整改的发现");
    }
    return render(List.of(n), o, "整改通知-" + id);
  }

  Response many(Request r) {
    Set<String> known = new LinkedHashSet<>(Filters.NAMES);
    known.addAll(Set.of("format", "note", "deadline", "issuer"));
    Params.onlyKnown(r, known);
    Options o = options(r);
    ListFilter filter = Filters.read(r, ctx.clock());
    ListSort sort = Filters.sort(r);
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Page<ReportRow> page = ctx.store().list(filter, sort, 100, cursor);
      page.items().stream().filter(row -> row.reviewState() != null).forEach(row -> ids.add(row.reportId()));
      cursor = page.cursor();
      if (ids.size() > MAX_REPORTS) {
        throw Problem.badParameter("review", "筛选出的报告超过 " + MAX_REPORTS + " 份，请缩小范围（如加上地区、年度或 "
            + "review=REVIEWED）");
      }
    } while (cursor != null);
    Map<String, ReportView> views = ctx.batch().reports(ids);
    List<NoticeContent> notices = new ArrayList<>();
    for (String id : ids) {
      ReportView view = views.get(id);
      if (view != null && !view.rejected()) {
        NoticeContent n = content(view, o);
        if (!n.problems().isEmpty()) {
          notices.add(n);
        }
      }
    }
    if (notices.isEmpty()) {
      throw Problem.notFound("筛选出的 " + ids.size() + " 份报告中没有已确认的问题");
    }
    return render(notices, o, "整改通知-" + notices.size() + "份");
  }

  /** The notice of one report: its confirmed findings, with the options or the notice recorded for this version. */
  private NoticeContent content(ReportView view, Options o) {
    ReviewState review = ctx.store().reviewState(view.id());
    Notice issued = review.notices().isEmpty() ? null : review.notices().get(review.notices().size() - 1);
    if (issued != null && !view.currentSha256().equals(issued.sha256())) {
      issued = null; // a notice of an earlier version: this one has not been notified
    }
    LocalDate date = issued != null ? Instant.parse(issued.at()).atZone(CHINA).toLocalDate()
        : ctx.clock().instant().atZone(CHINA).toLocalDate();
    LocalDate deadline = o.deadline() != null ? o.deadline()
        : issued != null && issued.deadline() != null ? LocalDate.parse(issued.deadline()) : date.plusDays(DEFAULT_DAYS);
    String issuer = o.issuer() != null ? o.issuer() : issued != null && issued.issuer() != null ? issued.issuer()
        : DEFAULT_ISSUER;
    String note = o.note() != null ? o.note() : issued == null ? null : issued.note();
    return NoticeContent.of(view.id(), ctx.store().reviewed(view).report(), issuer, date, deadline, note);
  }

  private static Response render(List<NoticeContent> notices, Options o, String name) {
    Response out = new Response(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    if (o.docx()) {
      return out.header("Content-Type", NoticeDocx.MEDIA_TYPE).header("Content-Disposition",
          "attachment; filename=\"notice.docx\"; filename*=UTF-8''" + URLEncoder.encode(name + ".docx",
              StandardCharsets.UTF_8).replace("+", "%20")).binary(NoticeDocx.write(notices));
    }
    return out.header("Content-Type", "text/html; charset=utf-8")
        .header("Content-Security-Policy", NoticeHtml.CONTENT_SECURITY_POLICY).body(NoticeHtml.page(notices));
  }

  Response issue(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = SharedParameters.reportId(r.param("id"));
    JsonNode body = Writes.jsonBody(r, "{deadline, issuer, note}");
    String deadline = optional(body, "deadline", 10);
    if (deadline != null) {
      date(deadline, "deadline");
    }
    Long expected = Writes.ifMatch(r);
    ReportWriter.Outcome outcome = ctx.writer().apply(new Change.Notify(id, deadline, optional(body, "issuer", 100),
        optional(body, "note", 2000), Writes.who(r), expected));
    WriteResult result = outcome.result();
    if (result == WriteResult.NOT_FOUND) {
      throw SharedParameters.noReport(id);
    } else if (result == WriteResult.REVISION_MISMATCH) {
      throw Writes.stale(id, expected);
    } else if (result == WriteResult.NOT_REVIEWED) {
      throw new Problem(Problem.Type.CONFLICT, "报告 " + id + " 尚有待审核的错误发现：逐条确认或驳回后再发出整改通知");
    } else if (result == WriteResult.NOTHING_CONFIRMED) {
      throw new Problem(Problem.Type.CONFLICT, "报告 " + id + " 没有已确认的问题，无需发出整改通知");
    }
    ReportView view = ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
    List<Notice> notices = ctx.store().reviewState(id).notices();
    Notice n = notices.get(notices.size() - 1);
    LocalDate date = Instant.parse(n.at()).atZone(CHINA).toLocalDate();
    Notice shown = new Notice(n.id(), n.at(), n.by(), n.sha256(), n.fingerprints(),
        n.deadline() != null ? n.deadline() : date.plusDays(DEFAULT_DAYS).toString(),
        n.issuer() != null ? n.issuer() : DEFAULT_ISSUER, n.note());
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("reviewState", view.reviewState());
    out.put("revision", view.revision());
    ObjectNode notice = Json.MAPPER.valueToTree(shown);
    notice.putIfAbsent("note", Json.MAPPER.nullNode());
    out.set("notice", notice);
    out.put("url", "/reports/" + ReportRoutes.enc(id) + "/notice");
    return Response.json(201, Json.write(out)).header("Cache-Control", "no-store")
        .header("Location", "/reports/" + ReportRoutes.enc(id) + "/notice");
  }

  private static String optional(JsonNode body, String field, int max) {
    return body.hasNonNull(field) ? Writes.text(body, field, max) : null;
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw Problem.badParameter(name, "参数 " + name + " 应为日期 YYYY-MM-DD，收到 " + text);
    }
  }
}

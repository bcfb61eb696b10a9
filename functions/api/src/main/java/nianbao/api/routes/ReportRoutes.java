package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import nianbao.core.model.Finding;
import nianbao.core.model.Severity;
import nianbao.store.ListFilter;
import nianbao.store.lists.ListSort;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportView;
import nianbao.store.SourceFile;
import nianbao.store.VersionView;

/** {@code /reports}: the list, one report, its findings, versions and source (deletion: {@link DeletionRoutes}). */
public final class ReportRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final ApiContext ctx;

  public ReportRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    List<Param> listParams = new ArrayList<>(Filters.PARAMS);
    listParams.add(Param.query("limit", "{\"type\":\"integer\",\"minimum\":1,\"maximum\":200,\"default\":50}",
        "每页条数"));
    listParams.add(Param.query("cursor", "{\"type\":\"string\"}", "上一页返回的 cursor，原样使用"));
    return List.of(
        Route.get("/reports", "listReports", "报告列表")
            .description("按年度、省、市、县、层级、状态、规则、机关名称的任意组合筛选，按 sort 排序（默认最新在前；"
                + "sort=指标代码 时按该指标从高到低：分母不小于 10 的在前，分母小于 10 的其次，无法计算的最后），"
                + "用 cursor 翻页直到没有 cursor。一页最多读取 limit 的几倍条目：按机关名称筛选（或规则配合 newest 以外的"
                + "排序）时，一页可能少于 limit 条甚至为空而仍有 cursor，继续翻页即可。city、county 需要 province。")
            .params(listParams).json(200, "ReportList", "一页报告").problem(400, "参数有误（如 city 没有 province）")
            .to(this::list),
        Route.get("/reports/{id}", "getReport", "一份报告（docs/FORMAT.md 的 JSON 加状态与来源）")
            .param(SharedParameters.ID).json(200, "ReportDetail", "报告").problem(404, "没有这份报告").to(this::get),
        Route.get("/reports/{id}/findings", "getReportFindings", "一份报告的全部发现")
            .description("errors、warnings、notes 是整份报告按级别的计数（不受 severity 影响）；notes 为读取说明："
                + "nianbao 如何读取文档（数字如何拆分、单元格如何放置），不是报告本身的问题，不计入警告。")
            .param(SharedParameters.ID).param(SharedParameters.SEVERITY).json(200, "FindingList", "发现")
            .problem(400, "参数有误").problem(404, "没有这份报告").to(this::findings),
        Route.get("/reports/{id}/versions", "getReportVersions", "一份报告的各次上传版本")
            .param(SharedParameters.ID).json(200, "VersionList", "版本，最新上传在前").problem(404, "没有这份报告")
            .to(this::versions),
        Route.get("/reports/{id}/source", "getReportSource", "原始文件（302 到短期有效的下载地址）")
            .description("被拒绝的上传（不是可读的年度报告，可能是任何文件）的原始文件不在此提供（401），"
                + "只经需要授权的 GET /reports/{id}/source-link 提供。redirect=false：不跳转，以 JSON 给出下载地址，"
                + "供页面直接读取文件（跨源跳转后浏览器不再带页面的来源，存储桶的 CORS 无法放行）。")
            .param(SharedParameters.ID).param(Param.query("version", "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{64}$\"}",
                "某一版本的 sha256；缺省为当前版本"))
            .param(Param.query("redirect", "{\"type\":\"boolean\",\"default\":true}", "false：以 JSON 给出下载地址"))
            .response(302, null, null, "跳转到预签名下载地址", "Location")
            .response(200, "application/json", "SourceLink", "下载地址（redirect=false；不缓存）").problem(400, "参数有误")
            .problem(401, "被拒绝的上传：需经 source-link 授权下载").problem(404, "没有这份报告或版本")
            .to(this::source),
        Route.get("/reports/{id}/source-link", "getReportSourceLink", "原始文件的短期下载地址（需要授权）")
            .description("任何报告或被拒绝的上传的原始文件：返回预签名下载地址（JSON），总是以附件下载。"
                + "页面带着登录令牌请求它，再打开返回的地址。")
            .writes(nianbao.api.access.Access.Role.READER).param(SharedParameters.ID).param(Param.query("version",
                "{\"type\":\"string\",\"pattern\":\"^[0-9a-f]{64}$\"}", "某一版本的 sha256；缺省为当前版本"))
            // a link for one signed-in caller: never kept by a cache (no ETag, no-store)
            .response(200, "application/json", "SourceLink", "下载地址").problem(401, "未登录")
            .problem(404, "没有这份报告或版本")
            .to(this::sourceLink));
  }

  // ------------------------------------------------------------------------------------------------ list

  Response list(Request r) {
    Set<String> known = new LinkedHashSet<>(Filters.NAMES);
    known.add("limit");
    known.add("cursor");
    Params.onlyKnown(r, known);
    ListFilter filter = Filters.read(r, ctx.clock());
    ListSort sort = Filters.sort(r);
    int limit = Params.integer(r, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    String storeCursor = Filters.unwrapCursor(filter, sort, r.query("cursor"));
    Page<ReportRow> page;
    try {
      page = ctx.store().list(filter, sort, limit, storeCursor);
    } catch (nianbao.store.UnsupportedFilterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      if (storeCursor != null) {
        throw Problem.badParameter("cursor", "参数 cursor 无效：它不属于这个列表");
      }
      throw e;
    }
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("items");
    for (ReportRow row : page.items()) {
      items.add(row(row));
    }
    String next = Filters.wrapCursor(filter, sort, page.cursor());
    out.put("cursor", next);
    out.put("limit", limit);
    ObjectNode f = out.putObject("filter");
    putIf(f, "year", filter.year());
    putIf(f, "province", filter.province());
    putIf(f, "city", filter.city());
    putIf(f, "county", filter.county());
    putIf(f, "level", filter.level());
    putIf(f, "status", filter.status());
    putIf(f, "rule", filter.rule());
    putIf(f, "agency", filter.agency());
    putIf(f, "review", filter.review());
    f.put("sort", sort.code());
    Response response = Response.read(Json.write(out));
    if (next != null) {
      response.header("Link", "<" + nextLink(r, next) + ">; rel=\"next\"");
    }
    return response;
  }

  static ObjectNode row(ReportRow row) {
    ObjectNode o = Json.object();
    o.put("id", row.reportId());
    o.put("agencyKey", row.agencyKey());
    o.put("agency", row.agency());
    o.put("year", row.year());
    o.put("province", row.province());
    o.put("city", row.city());
    o.put("county", row.county());
    o.put("status", row.status());
    o.put("errors", row.errors());
    o.put("warnings", row.warnings());
    o.put("notes", row.notes());
    o.put("title", row.title());
    o.put("uploadedAt", row.uploadedAt());
    row.rules().forEach(o.putArray("rules")::add);
    o.put("reviewState", row.reviewState());
    if (row.indicators() != null) {
      o.set("indicators", IndicatorJson.of(nianbao.store.IndicatorFigures.read(row.indicators()), false));
    }
    return o;
  }

  private static String nextLink(Request r, String cursor) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : r.query().entrySet()) {
      if (!e.getKey().equals("cursor")) {
        q.append(q.length() == 0 ? "?" : "&").append(enc(e.getKey())).append('=').append(enc(e.getValue()));
      }
    }
    q.append(q.length() == 0 ? "?" : "&").append("cursor=").append(enc(cursor));
    return r.path() + q;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void putIf(ObjectNode o, String name, Object value) {
    if (value instanceof Integer i) {
      o.put(name, i);
    } else if (value != null) {
      o.put(name, value.toString());
    }
  }

  // ------------------------------------------------------------------------------------------------ one report

  ReportView head(Request r) {
    String id = SharedParameters.reportId(r.param("id"));
    return ctx.store().reportView(id).orElseThrow(() -> SharedParameters.noReport(id));
  }

  Response get(Request r) {
    Params.onlyKnown(r, Set.of());
    ReportView h = head(r);
    ObjectNode out = headJson(h);
    if (h.rejected()) {
      out.putNull("report");
      out.putArray("corrections");
      out.putArray("indicators");
    } else {
      nianbao.store.ReportStore.Reviewed reviewed = ctx.store().reviewed(h);
      out.set("report", Json.tree(reviewed.report()));
      SectionRoutes.capLongSections((ObjectNode) out.get("report"), h.id());
      out.set("corrections", CorrectionRoutes.json(reviewed.corrections()));
      out.set("indicators", IndicatorJson.of(nianbao.core.indicators.Indicators.of(reviewed.report()), true));
    }
    return Response.read(Json.write(out));
  }

  static ObjectNode headJson(ReportView h) {
    ObjectNode out = Json.object();
    out.put("id", h.id());
    out.put("status", h.status());
    out.put("agencyKey", h.agencyKey());
    out.put("agency", h.agency());
    out.put("year", h.year());
    out.put("title", h.title());
    out.put("errors", h.errors());
    out.put("warnings", h.warnings());
    out.put("notes", h.notes());
    ObjectNode byRule = out.putObject("findingsByRule");
    new java.util.TreeMap<>(h.findingsByRule()).forEach(byRule::put);
    out.put("reason", h.reason());
    out.put("uploadedAt", h.uploadedAt());
    out.put("versionCount", h.versionCount());
    out.put("reader", h.reader());
    out.put("rulesVersion", h.rulesVersion());
    ObjectNode upload = out.putObject("upload");
    SourceFile file = h.file();
    upload.put("bucket", file.bucket());
    upload.put("key", file.key());
    upload.put("versionId", file.objectVersionId());
    upload.put("size", file.size());
    upload.put("format", file.format());
    upload.put("name", file.name());
    upload.put("sha256", h.currentSha256());
    upload.put("sourceUrl", "/reports/" + enc(h.id()) + "/source");
    out.put("revision", h.revision());
    out.put("reviewState", h.reviewState());
    ReviewRoutes.asRead(out, h);
    return out;
  }

  Response findings(Request r) {
    Params.onlyKnown(r, Set.of("severity"));
    Severity only = SharedParameters.severity(r);
    ReportView h = head(r);
    List<Finding> findings = h.rejected() ? List.of() : SharedParameters.only(ctx.store().findings(h.id()), only);
    ObjectNode out = Json.object();
    out.put("id", h.id());
    out.put("status", h.status());
    out.put("errors", h.errors());
    out.put("warnings", h.warnings());
    out.put("notes", h.notes());
    out.put("revision", h.revision());
    ReviewRoutes.asRead(out, h);
    out.set("findings", Json.tree(findings));
    return Response.read(Json.write(out));
  }

  Response versions(Request r) {
    Params.onlyKnown(r, Set.of());
    ReportView h = head(r);
    ObjectNode out = Json.object();
    out.put("id", h.id());
    out.put("current", h.currentSha256());
    ArrayNode list = out.putArray("versions");
    if (!h.rejected()) {
      for (VersionView v : ctx.store().versionViews(h.id())) {
        ObjectNode o = list.addObject();
        o.put("sha256", v.sha256());
        o.put("current", v.sha256().equals(h.currentSha256()));
        o.put("uploadedAt", v.uploadedAt());
        o.put("status", v.status());
        o.put("errors", v.errors());
        o.put("warnings", v.warnings());
        o.put("notes", v.notes());
        o.put("format", v.file().format());
        o.put("name", v.file().name());
        o.put("size", v.file().size());
        o.put("withdrawn", v.withdrawn());
        o.put("reader", v.reader());
        o.put("rulesVersion", v.rulesVersion());
        o.put("sources", v.fileCount());
        o.put("sourceUrl", "/reports/" + enc(h.id()) + "/source?version=" + v.sha256());
        o.put("versionUrl", "/reports/" + enc(h.id()) + "/versions/" + v.sha256());
        if (v.removedAt() != null) {
          o.put("removedAt", v.removedAt());
          o.put("removedBy", v.removedBy());
        }
      }
    }
    return Response.read(Json.write(out));
  }

  Response source(Request r) {
    Params.onlyKnown(r, Set.of("version", "redirect"));
    String redirect = r.query("redirect");
    if (redirect != null && !redirect.equals("true") && !redirect.equals("false")) {
      throw Problem.badParameter("redirect", "参数 redirect 应为 true 或 false");
    }
    ReportView h = head(r);
    if (h.rejected()) {
      // anyone could upload anything that is then rejected: its bytes go only to a signed-in caller, and this
      // route is the open catch-all in AWS
      throw new Problem(Problem.Type.UNAUTHORIZED, "被拒绝的上传的原始文件只提供给已登录用户：请用 GET /reports/"
          + h.id() + "/source-link（需要授权）").header("WWW-Authenticate", "Bearer");
    }
    String url = presignedSource(h, r.query("version"));
    // redirect=false: the page reads the file itself (a PDF drawn where a value was read); after a cross-origin
    // 302 the browser would reach the bucket as "Origin: null", which the bucket's CORS refuses
    return "false".equals(redirect) ? link(h, url) : Response.redirect(302, url);
  }

  /** The source as a short-lived link, for a signed-in caller (an explicit JWT route in AWS), rejected ones too. */
  Response sourceLink(Request r) {
    Params.onlyKnown(r, Set.of("version"));
    ReportView h = head(r);
    return link(h, presignedSource(h, r.query("version")));
  }

  /** A link for one caller: never kept by a cache (no ETag, no-store). */
  private Response link(ReportView h, String url) {
    ObjectNode out = Json.object();
    out.put("url", url);
    out.put("expiresInSeconds", ctx.config().downloadUrlTtl().toSeconds());
    out.put("name", h.file().name());
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  /**
   * A presigned GET of the report's current source, or of version {@code sha}: always an attachment, and a
   * rejected upload's as bytes of no type (never rendered by the browser, whatever it holds).
   */
  private String presignedSource(ReportView h, String sha) {
    SourceFile file = h.file();
    if (sha != null) {
      if (!sha.matches("[0-9a-f]{64}")) {
        throw Problem.badParameter("version", "参数 version 应为 64 位十六进制的 sha256");
      }
      VersionView v = h.rejected() ? null : ctx.store().versionView(h.id(), sha).orElse(null);
      if (v == null || v.withdrawn()) {
        throw Problem.notFound("报告 " + h.id() + " 没有 sha256 为 " + sha + " 的版本（或其文件已删除）");
      }
      file = v.file();
    }
    if (file.bucket() == null || file.key() == null) {
      throw Problem.notFound("报告 " + h.id() + " 没有记录原始文件");
    }
    String b = file.bucket();
    String k = file.key();
    String vid = file.objectVersionId();
    String fileName = file.name() != null ? file.name() : k.substring(k.lastIndexOf('/') + 1);
    boolean rejected = h.rejected();
    return ctx.presigner().presignGetObject(p -> p.signatureDuration(ctx.config().downloadUrlTtl())
        .getObjectRequest(g -> {
          g.bucket(b).key(k).versionId(vid).responseContentDisposition("attachment; filename*=UTF-8''" + enc(fileName));
          if (rejected) {
            g.responseContentType("application/octet-stream");
          }
        })).url().toString();
  }
}

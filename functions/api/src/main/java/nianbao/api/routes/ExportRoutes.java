package nianbao.api.routes;

import java.util.logging.Level;
import java.util.logging.Logger;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nianbao.api.ApiContext;
import nianbao.api.ExportJobs;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Severity;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.vocabulary.Vocabulary;
import nianbao.store.ListFilter;
import nianbao.store.lists.ListSort;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import software.amazon.awssdk.core.sync.RequestBody;
import nianbao.store.ReportView;

/**
 * {@code GET /export/reports.csv} and {@code /export/findings.csv} (the filters of {@code /reports}): UTF-8 with a
 * BOM so that Excel shows Chinese, CRLF lines, RFC 4180 quoting, and text cells that could start a spreadsheet
 * formula prefixed with an apostrophe. Reads the list page by page (one index query each) and the heads and bodies
 * by BatchGetItem, 100 a request. An export larger than {@link nianbao.api.ApiConfig#inlineExportBytes()} is
 * written to the export bucket (never the reports bucket, whose every write would trigger ingest) and answered
 * 303 with a short-lived link to it.
 */
public final class ExportRoutes {
  private static final Logger LOG = Logger.getLogger(ExportRoutes.class.getName());
  private static final int PAGE = 500;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  static final List<String> REPORT_COLUMNS = reportColumns();
  static final List<String> FINDING_COLUMNS = List.of("报告编号", "机关", "年度", "省", "市", "规则", "级别", "部分",
      "行", "列", "说明", "应为", "实为");

  private final ApiContext ctx;

  public ExportRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/export/reports.csv", "exportReports", "导出报告（CSV 或 XLSX，每份报告一行：关键数字与各规则发现数）")
            .description("过大（超过 5 MB）的导出写入导出存储桶并以 303 跳转到下载地址；一次请求内读不完的导出转入后台，"
                + "以 202 给出 /export/jobs/{id}，完成后该地址跳转到下载地址。format=xlsx 时为 Excel 工作簿（同样的列）。")
            .params(withFormat(Filters.PARAMS))
            .response(200, "text/csv", "Csv", "CSV（UTF-8，带 BOM）；format=xlsx 时为 Excel 工作簿", "ETag")
            .alsoAs(200, ExportFormat.XLSX.contentType(), "Xlsx")
            .response(202, "application/json", "ExportJob", "导出较慢：已转入后台，轮询 Location", "Location")
            .response(303, "application/json", "ExportLink", "导出过大：已写入导出存储桶，跳转到下载地址", "Location")
            .problem(400, "参数有误或筛选组合不受支持").to(r -> export(r, REPORTS)),
        Route.get("/export/findings.csv", "exportFindings", "导出发现（CSV 或 XLSX，每条发现一行）")
            .description("“级别”列为 错误、警告 或 读取说明（nianbao 如何读取文档，不是报告本身的问题）；行、列为模板中的名称；"
                + "severity 只导出这一级别。format=xlsx 时为 Excel 工作簿（同样的列）。")
            .params(withFormat(findingParams()))
            .response(200, "text/csv", "Csv", "CSV（UTF-8，带 BOM）；format=xlsx 时为 Excel 工作簿", "ETag")
            .alsoAs(200, ExportFormat.XLSX.contentType(), "Xlsx")
            .response(202, "application/json", "ExportJob", "导出较慢：已转入后台，轮询 Location", "Location")
            .response(303, "application/json", "ExportLink", "导出过大：已写入导出存储桶，跳转到下载地址", "Location")
            .problem(400, "参数有误或筛选组合不受支持").to(r -> export(r, FINDINGS)),
        Route.get("/export/jobs/{id}", "getExportJob", "后台导出的状态；完成后 303 跳转到下载地址")
            .param(Route.Param.path("id", "{\"type\":\"string\",\"format\":\"uuid\"}", "202 给出的导出编号"))
            .response(200, "application/json", "ExportJob", "仍在进行或已失败（不缓存）")
            .response(303, "application/json", "ExportLink", "已完成：跳转到下载地址", "Location")
            .problem(404, "没有这个导出").to(this::job));
  }

  /** {@code params} and {@code format} (csv or xlsx). */
  static List<Route.Param> withFormat(List<Route.Param> params) {
    List<Route.Param> out = new ArrayList<>(params);
    out.add(SharedParameters.FORMAT);
    return List.copyOf(out);
  }

  private static List<Route.Param> findingParams() {
    List<Route.Param> params = new ArrayList<>(Filters.PARAMS);
    params.add(SharedParameters.SEVERITY);
    return params;
  }

  /** The head's columns, then the figures' in the template's words (Vocabulary), in the order rows are written. */
  private static List<String> reportColumns() {
    List<String> columns = new ArrayList<>(List.of("报告编号", "机关", "年度", "省", "市", "县", "状态", "错误数",
        "警告数", "读取说明数", "标题", "上传时间", "模板", Vocabulary.rowName("newReceived"),
        Vocabulary.rowName("carriedOver")));
    Vocabulary.OUTCOMES.forEach(o -> columns.add(o.label()));
    columns.add(Vocabulary.rowName("total"));
    columns.add(Vocabulary.rowName("carriedForward"));
    String total = Vocabulary.C_CELLS.get(Vocabulary.C_CELLS.size() - 1).label();
    Vocabulary.C_GROUPS.forEach(g -> columns.add(g.name() + "·" + total));
    String decisions = Vocabulary.A_HEADINGS.get("decisions");
    for (String row : List.of("licensing", "punishment", "enforcement")) {
      columns.add(Vocabulary.rowName(row) + "·" + decisions);
    }
    columns.add(Vocabulary.rowName("fees") + "·" + Vocabulary.A_HEADINGS.get("fees"));
    return List.copyOf(columns);
  }

  static final String REPORTS = "reports";
  static final String FINDINGS = "findings";

  /** The export read within the request, or handed to a background job when reading takes too long. */
  Response export(Request r, String kind) {
    Set<String> known = new LinkedHashSet<>(Filters.NAMES);
    known.add("format");
    if (kind.equals(FINDINGS)) {
      known.add("severity");
    }
    Params.onlyKnown(r, known);
    ListFilter filter = Filters.read(r, ctx.clock());
    Severity only = SharedParameters.severity(r);
    ExportFormat format = SharedParameters.format(r);
    long deadline = System.nanoTime() + ctx.config().exportTimeBudget().toNanos();
    try {
      Built built = build(kind, format, filter, Filters.sort(r), only, deadline);
      return answer(built, kind + "." + format.extension(), format);
    } catch (TooSlow slow) {
      ExportJobs.Job job = new ExportJobs.Job(UUID.randomUUID().toString(), kind, rawQuery(r));
      ObjectNode marker = Json.object();
      marker.put("kind", kind);
      marker.put("query", job.rawQuery());
      marker.put("startedAt", ctx.clock().instant().toString());
      ctx.s3().putObject(p -> p.bucket(ctx.config().exportBucket()).key(jobPrefix(job.id()) + "job.json")
          .contentType("application/json"), RequestBody.fromString(Json.write(marker), StandardCharsets.UTF_8));
      ctx.jobs().start(job, () -> runJob(job, Duration.ofMinutes(10)));
      ObjectNode out = jobJson(job.id(), kind, "RUNNING", marker.path("startedAt").asText(), null);
      return Response.json(202, Json.write(out)).header("Location", "/export/jobs/" + job.id())
          .header("Cache-Control", "no-store");
    }
  }

  /**
   * Runs a background export to its end (or {@code budget}) and writes it to the export bucket; a failure is
   * written beside it for {@code GET /export/jobs/{id}} to show. Returns whether the export was written.
   */
  public boolean runJob(ExportJobs.Job job, Duration budget) {
    String prefix = jobPrefix(job.id());
    String bucket = ctx.config().exportBucket();
    try {
      Map<String, String> query = Params.parse(job.rawQuery());
      Request r = new Request("GET", "/export/" + job.kind() + ".csv", query, Map.of(), new byte[0], Map.of(), null,
          job.id());
      ListFilter filter = Filters.read(r, ctx.clock());
      ExportFormat format = SharedParameters.format(r);
      Built built = build(job.kind(), format, filter, Filters.sort(r), SharedParameters.severity(r),
          System.nanoTime() + budget.toNanos());
      String name = job.kind() + "." + format.extension();
      ctx.s3().putObject(p -> p.bucket(bucket).key(prefix + name).contentType(format.contentType())
          .contentDisposition("attachment; filename=\"" + name + "\""), RequestBody.fromBytes(built.bytes()));
      return true;
    } catch (RuntimeException e) {
      String detail = e instanceof TooSlow ? "导出在 " + budget.toSeconds() + " 秒内未能读完；请缩小筛选范围（如按年度、省份）分批导出"
          : "导出失败，请稍后重试（导出编号 " + job.id() + "）";
      if (!(e instanceof TooSlow)) {
        LOG.log(Level.SEVERE, "export job " + job.id() + " failed", e);
      }
      ctx.s3().putObject(p -> p.bucket(bucket).key(prefix + "error.txt").contentType("text/plain; charset=utf-8"),
          RequestBody.fromString(detail, StandardCharsets.UTF_8));
      return false;
    }
  }

  Response job(Request r) {
    Params.onlyKnown(r, Set.of());
    String id = r.param("id");
    if (id == null || !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw Problem.notFound("没有编号为 “" + id + "” 的导出");
    }
    String bucket = ctx.config().exportBucket();
    String prefix = jobPrefix(id);
    Set<String> names = new java.util.HashSet<>();
    ctx.s3().listObjectsV2(l -> l.bucket(bucket).prefix(prefix)).contents()
        .forEach(o -> names.add(o.key().substring(prefix.length())));
    if (!names.contains("job.json")) {
      throw Problem.notFound("没有编号为 " + id + " 的导出（导出文件保留一天）");
    }
    JsonNode marker;
    try (var in = ctx.s3().getObject(g -> g.bucket(bucket).key(prefix + "job.json"))) {
      marker = Json.MAPPER.readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String kind = marker.path("kind").asText();
    for (ExportFormat format : ExportFormat.values()) {
      String file = kind + "." + format.extension();
      if (names.contains(file)) {
        long bytes = ctx.s3().headObject(h -> h.bucket(bucket).key(prefix + file)).contentLength();
        return link(bucket, prefix + file, -1, bytes);
      }
    }
    if (names.contains("error.txt")) {
      String detail = ctx.s3().getObjectAsBytes(g -> g.bucket(bucket).key(prefix + "error.txt"))
          .asString(StandardCharsets.UTF_8);
      return Response.json(200, Json.write(jobJson(id, kind, "FAILED", marker.path("startedAt").asText(), detail)))
          .header("Cache-Control", "no-store");
    }
    return Response.json(200, Json.write(jobJson(id, kind, "RUNNING", marker.path("startedAt").asText(), null)))
        .header("Cache-Control", "no-store");
  }

  private static ObjectNode jobJson(String id, String kind, String status, String startedAt, String detail) {
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("kind", kind);
    out.put("status", status);
    out.put("startedAt", startedAt);
    out.put("statusUrl", "/export/jobs/" + id);
    if (detail != null) {
      out.put("detail", detail);
    }
    return out;
  }

  static String jobPrefix(String id) {
    return "exports/jobs/" + id + "/";
  }

  private static String rawQuery(Request r) {
    StringBuilder q = new StringBuilder();
    r.query().forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(ReportRoutes.enc(k)).append('=')
        .append(ReportRoutes.enc(v)));
    return q.toString();
  }

  /** Reading took longer than the budget. */
  static final class TooSlow extends RuntimeException {
    TooSlow() {
      super("export budget exceeded", null, false, false);
    }
  }

  record Built(byte[] bytes, int rows) {}

  /** The export of {@code kind} in {@code format}; {@code only}: the findings of one severity (null: all). */
  Built build(String kind, ExportFormat format, ListFilter filter, ListSort sort, Severity only, long deadline) {
    Sheet sheet = format.sheet(kind.equals(REPORTS) ? "报告" : "发现");
    int rows = kind.equals(REPORTS) ? reports(sheet, filter, sort, deadline)
        : findings(sheet, filter, sort, only, deadline);
    return new Built(sheet.bytes(), rows);
  }

  int reports(Sheet csv, ListFilter filter, ListSort sort, long deadline) {
    List<String> header = new ArrayList<>(REPORT_COLUMNS);
    SharedParameters.RULES.forEach(rule -> header.add(rule + " 发现数"));
    header.addAll(Csv.INDICATOR_COLUMNS);
    header.add(CorrectedCells.COLUMN);
    csv.row(header);
    int rows = each((head, report) -> {
      List<Object> line = new ArrayList<>();
      line.add(head.id());
      line.add(Csv.text(head.agency()));
      line.add(head.year());
      line.add(Csv.text(head.region().province()));
      line.add(Csv.text(head.region().city()));
      line.add(Csv.text(head.region().county()));
      line.add(Csv.status(head.status()));
      line.add(head.errors());
      line.add(head.warnings());
      line.add(head.notes());
      line.add(Csv.text(head.rejected() ? head.reason() : head.title()));
      line.add(Csv.chinaTime(head.uploadedAt()));
      line.add(report == null ? null : report.template());
      Applications b = report == null ? null : report.applications();
      line.add(total(b, List.of("newReceived")));
      line.add(total(b, List.of("carriedOver")));
      for (List<String> group : SummaryRoutes.OUTCOMES.values()) {
        line.add(total(b, group));
      }
      line.add(total(b, List.of("total")));
      line.add(total(b, List.of("carriedForward")));
      ReviewAndLitigation c = report == null ? null : report.reviewAndLitigation();
      for (String g : ReviewAndLitigation.GROUPS) {
        line.add(c == null || c.group(g) == null ? null : c.group(g).total());
      }
      if (report != null && report.proactive() instanceof Proactive2021 a) {
        line.add(a.licensing());
        line.add(a.punishment());
        line.add(a.enforcement());
        line.add(a.fees());
      } else if (report != null && report.proactive() instanceof Proactive2019 a) {
        line.add(a.licensing() == null ? null : a.licensing().decisions());
        line.add(a.punishment() == null ? null : a.punishment().decisions());
        line.add(a.enforcement() == null ? null : a.enforcement().decisions());
        line.add(null);
      } else {
        line.add(null);
        line.add(null);
        line.add(null);
        line.add(null);
      }
      Map<String, Integer> counts = head.findingsByRule();
      SharedParameters.RULES.forEach(rule -> line.add(counts.getOrDefault(rule, 0)));
      Csv.addIndicators(line, report == null ? Map.of() : nianbao.core.indicators.Indicators.of(report));
      line.add(Csv.text(CorrectedCells.describe(ctx, head)));
      csv.row(line);
      return 1;
    }, filter, sort, deadline);
    return rows;
  }

  int findings(Sheet csv, ListFilter filter, ListSort sort, Severity only, long deadline) {
    csv.row(FINDING_COLUMNS);
    int rows = each((head, report) -> {
      if (report == null) {
        return 0;
      }
      int n = 0;
      for (Finding f : SharedParameters.only(report.findings(), only)) {
        if (f.dismissed()) {
          // a reviewer found it false (驳回/误报): it leaves the exports as it leaves the counts
          continue;
        }
        List<Object> line = new ArrayList<>();
        line.add(head.id());
        line.add(Csv.text(head.agency()));
        line.add(head.year());
        line.add(Csv.text(head.region().province()));
        line.add(Csv.text(head.region().city()));
        line.add(f.rule());
        line.add(f.severity() == null ? null : Vocabulary.severityLabel(f.severity()));
        line.add(f.location() == null ? null : f.location().section());
        line.add(f.location() == null || f.location().row() == null ? null
            : Vocabulary.rowName(f.location().row()));
        line.add(f.location() == null || f.location().column() == null ? null
            : Vocabulary.columnName(f.location().column()));
        line.add(Csv.text(f.message()));
        line.add(Csv.text(f.expected()));
        line.add(Csv.text(f.actual()));
        csv.row(line);
        n++;
      }
      return n;
    }, filter, sort, deadline);
    return rows;
  }

  @FunctionalInterface
  interface RowWriter {
    int write(ReportView head, Report report);
  }

  /** Every report of the filter, in list order, with its current report (null for a rejected upload). */
  private int each(RowWriter writer, ListFilter filter, ListSort sort, long deadline) {
    String cursor = null;
    int rows = 0;
    do {
      if (System.nanoTime() > deadline) {
        throw new TooSlow();
      }
      Page<ReportRow> page = ctx.store().list(filter, sort, PAGE, cursor);
      List<String> ids = page.items().stream().map(ReportRow::reportId).toList();
      Map<String, ReportView> heads = ctx.batch().reports(ids);
      Map<String, Report> reports = ctx.batch().currentReports(heads.values());
      for (ReportView h : heads.values()) {
        rows += writer.write(h, reports.get(h.id()));
      }
      cursor = page.cursor();
    } while (cursor != null);
    return rows;
  }

  private static Long total(Applications b, List<String> rows) {
    if (b == null) {
      return null;
    }
    Long sum = null;
    for (String row : rows) {
      Long v = b.cell(row, Applications.TOTAL_COLUMN);
      if (v != null) {
        sum = sum == null ? v : sum + v;
      }
    }
    return sum;
  }

  private Response answer(Built built, String name, ExportFormat format) {
    byte[] bytes = built.bytes();
    // a binary answer goes base64-encoded, a third larger: it must still fit Lambda's 6 MB
    int inline = format.binary() ? ctx.config().inlineExportBytes() / 4 * 3 : ctx.config().inlineExportBytes();
    if (bytes.length <= inline) {
      return inline(bytes, name, format);
    }
    Instant now = ctx.clock().instant();
    String key = "exports/" + DAY.format(now) + "/" + UUID.randomUUID() + "/" + name;
    String bucket = ctx.config().exportBucket();
    ctx.s3().putObject(p -> p.bucket(bucket).key(key).contentType(format.contentType())
        .contentDisposition("attachment; filename=\"" + name + "\""), RequestBody.fromBytes(bytes));
    return link(bucket, key, built.rows(), bytes.length);
  }

  /** An export answered in the response itself, as an attachment named {@code name}. */
  static Response inline(byte[] bytes, String name, ExportFormat format) {
    Response r = new Response(200).header("Content-Type", format.contentType())
        .header("Content-Disposition", "attachment; filename=\"" + asciiName(name) + "\"; filename*=UTF-8''"
            + ReportRoutes.enc(name));
    return (format.binary() ? r.binary(bytes) : r.body(new String(bytes, StandardCharsets.UTF_8))).cacheable();
  }

  /** The name for clients that read only {@code filename=}: its non-ASCII characters as {@code _}. */
  private static String asciiName(String name) {
    return name.replaceAll("[^\\x20-\\x7e]|\"", "_");
  }

  /** 303 to a short-lived link to an export in the export bucket. */
  private Response link(String bucket, String key, int rows, long bytes) {
    var presigned = ctx.presigner().presignGetObject(p -> p.signatureDuration(ctx.config().uploadUrlTtl())
        .getObjectRequest(g -> g.bucket(bucket).key(key)));
    ObjectNode out = Json.object();
    out.put("url", presigned.url().toString());
    out.put("expiresAt", presigned.expiration().toString());
    if (rows >= 0) {
      out.put("rows", rows);
    }
    out.put("bytes", bytes);
    return Response.redirect(303, presigned.url().toString()).header("Content-Type", Response.JSON)
        .body(Json.write(out));
  }
}

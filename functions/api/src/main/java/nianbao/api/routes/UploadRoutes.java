package nianbao.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nianbao.api.ApiContext;
import nianbao.api.Json;
import nianbao.api.http.Params;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Response;
import nianbao.api.http.Route;
import nianbao.api.http.Route.Param;
import nianbao.core.region.Area;
import nianbao.core.vocabulary.Vocabulary;
import nianbao.store.write.UploadedObject;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import nianbao.store.ReportView;
import nianbao.store.UploadView;
import nianbao.store.VersionView;

/**
 * {@code POST /uploads}: a presigned PUT into the reports bucket under {@code uploads/}, signed for exactly the
 * declared Content-Length and Content-Type (a presigned PUT cannot carry a maximum, so the size is checked here and
 * then fixed by the signature); {@code GET /uploads/status}: whether an uploaded object has been ingested yet.
 */
public final class UploadRoutes {
  /** The types that may be uploaded (core's {@link Vocabulary#UPLOAD_TYPES}, which the page reads too), by Content-Type. */
  static final Set<String> TYPES = types();

  private static Set<String> types() {
    Set<String> types = new java.util.TreeSet<>(Set.of("application/xhtml+xml", "application/x-zip-compressed"));
    Vocabulary.UPLOAD_TYPES.forEach(t -> types.add(t.contentType()));
    return java.util.Collections.unmodifiableSet(types);
  }
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  /** A ZIP batch holds at most this many documents (ingest's ZipBatch refuses more). */
  private static final int MAX_BATCH_ENTRIES = 200;

  private final ApiContext ctx;

  public UploadRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/uploads", "createUpload", "申请上传地址（需要授权）")
            .description("请求体 {fileName, contentType, size}。size 不超过 20 MB；contentType 为 text/plain、text/markdown、"
                + "text/html、DOCX、application/pdf、application/zip（多份报告，或一份报告的各页图片）、image/tiff、"
                + "image/jpeg 或 image/png。返回 15 分钟内有效的预签名 PUT 地址，只接受所声明的大小与类型。"
                + "上传者的权限限于某地区（custom:region）时，headers 含 x-amz-meta-uploaded-by 与 "
                + "x-amz-meta-uploader-region（须原样发送），region 为该地区：从文件读出的报告不属于该地区时不存入，"
                + "上传状态为 REJECTED 并说明原因。")
            .writes().body("application/json", "UploadRequest", "要上传的文件")
            .json(200, "Upload", "上传地址").problem(400, "请求体有误或文件类型不受支持").problem(401, "未登录")
            .problem(413, "文件过大").problem(415, "请求体不是 JSON").to(this::create),
        Route.get("/uploads/status", "getUploadStatus", "上传的文件是否已处理，及其报告编号")
            .param(Param.requiredQuery("key", "{\"type\":\"string\",\"minLength\":1,\"maxLength\":1024}",
                "上传地址返回的 key（或 aws s3 cp 所用的对象键）"))
            .response(200, "application/json", "UploadStatus", "处理状态（不缓存）").problem(400, "缺少 key").problem(404, "没有以此 key 上传的文件").to(this::status));
  }

  Response create(Request r) {
    Params.onlyKnown(r, Set.of());
    JsonNode body = Writes.jsonBody(r, "{fileName, contentType, size}");
    String fileName = textField(body, "fileName", 255);
    String contentType = textField(body, "contentType", 200).toLowerCase(Locale.ROOT);
    JsonNode sizeNode = body.get("size");
    if (sizeNode == null || !sizeNode.canConvertToLong() || !sizeNode.isIntegralNumber()) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 size 应为文件的字节数（整数）").with("field", "size");
    }
    long size = sizeNode.asLong();
    if (size < 1) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 size 应大于 0（空文件无法处理）").with("field", "size");
    }
    long max = ctx.config().maxUploadBytes();
    if (size > max) {
      throw new Problem(Problem.Type.PAYLOAD_TOO_LARGE, String.format(Locale.ROOT,
          "文件 %s 为 %.1f MB，超过上限 %d MB", fileName, size / 1048576.0, max / 1048576))
          .with("maxBytes", max).with("size", size);
    }
    String mediaType = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')).strip()
        : contentType;
    if (!TYPES.contains(mediaType)) {
      String hint = mediaType.equals("application/msword")
          ? "旧版 Word 文档（.doc）无法读取，请另存为 .docx 或 PDF 后上传"
          : "不支持 " + contentType + "；可上传：" + String.join("、", Vocabulary.UPLOAD_TYPES.stream()
              .map(t -> t.label() + "（" + t.contentType() + "）").distinct().toList());
      throw new Problem(Problem.Type.UNSUPPORTED_FILE_TYPE, hint).with("allowed", TYPES.stream().toList());
    }
    Instant now = ctx.clock().instant();
    String key = ctx.config().uploadPrefix() + DAY.format(now) + "/" + UUID.randomUUID() + "/" + safeName(fileName);
    String bucket = ctx.config().reportsBucket();
    // a person limited to a region: who and which region go with the object, signed (the PUT must send them as
    // they are), and ingest stores a report read from it only if it lies in that region
    Map<String, String> metadata = uploader(r);
    PresignedPutObjectRequest put = ctx.presigner().presignPutObject(p -> p
        .signatureDuration(ctx.config().uploadUrlTtl())
        .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(size)
            .metadata(metadata)));
    ObjectNode out = Json.object();
    out.put("key", key);
    out.put("url", put.url().toString());
    out.put("method", "PUT");
    ObjectNode headers = out.putObject("headers");
    put.signedHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        headers.put(canonical(name), String.join(",", values));
      }
    });
    headers.put("Content-Type", contentType);
    headers.put("Content-Length", Long.toString(size));
    out.put("expiresAt", put.expiration().toString());
    out.put("maxBytes", max);
    out.put("statusUrl", "/uploads/status?key=" + ReportRoutes.enc(key));
    out.put("region", r.caller().area() == null ? null : r.caller().area().toString());
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  /** The object metadata naming an uploader limited to a region (percent-encoded: S3 metadata is ASCII); else none. */
  static Map<String, String> uploader(Request r) {
    Area area = r.caller().area();
    if (area == null) {
      return Map.of();
    }
    return Map.of(UploadedObject.UPLOADED_BY, URLEncoder.encode(Writes.who(r), StandardCharsets.UTF_8),
        UploadedObject.UPLOADER_REGION, URLEncoder.encode(area.toString(), StandardCharsets.UTF_8));
  }

  private static String canonical(String header) {
    return switch (header.toLowerCase(Locale.ROOT)) {
      case "content-type" -> "Content-Type";
      case "content-length" -> "Content-Length";
      default -> header;
    };
  }

  private static String textField(JsonNode body, String name, int max) {
    JsonNode n = body.get(name);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new Problem(Problem.Type.BAD_BODY, "缺少字段 " + name + "（非空字符串）").with("field", name);
    }
    if (n.asText().length() > max) {
      throw new Problem(Problem.Type.BAD_BODY, "字段 " + name + " 过长（最多 " + max + " 个字符）").with("field", name);
    }
    return n.asText().strip();
  }

  /** The file's own name without folders or control characters (the key's last segment; it is shown to people). */
  static String safeName(String fileName) {
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    StringBuilder sb = new StringBuilder();
    name.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x7F).forEach(sb::appendCodePoint);
    String clean = sb.toString().strip();
    if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
      return "report";
    }
    return clean.length() > 200 ? clean.substring(clean.length() - 200) : clean;
  }

  /**
   * Whether the object is in the reports bucket: without a record of it, PENDING is true only while it waits for
   * ingest; a key never uploaded would otherwise say PENDING for ever. An answer S3 will not give (403: no list
   * permission) counts as present: PENDING, as before, rather than a wrong "not found".
   */
  private boolean uploaded(String key) {
    try {
      ctx.s3().headObject(h -> h.bucket(ctx.config().reportsBucket()).key(key));
      return true;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      return e.statusCode() != 404;
    }
  }

  Response status(Request r) {
    Params.onlyKnown(r, Set.of("key"));
    String key = r.query("key");
    if (key == null || key.isEmpty()) {
      throw Problem.badParameter("key", "缺少参数 key（上传地址返回的 key）");
    }
    if (key.length() > 1024) {
      throw Problem.badParameter("key", "参数 key 过长（S3 对象键最多 1024 字节）");
    }
    List<UploadView> history = ctx.store().uploadHistory(ctx.config().reportsBucket(), key);
    ObjectNode out = Json.object();
    out.put("key", key);
    if (history.isEmpty()) {
      if (!uploaded(key)) {
        throw Problem.notFound("没有以 key “" + key + "” 上传的文件（从未上传，或上传尚未完成）");
      }
      out.put("state", "PENDING");
      return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
    }
    UploadView latest = history.get(0);
    out.put("state", latest.state());
    if (latest.batch()) {
      batchEntries(out.putArray("entries"), key);
    }
    out.put("versionId", latest.objectVersionId());
    out.put("reportId", latest.reportId());
    out.put("reason", latest.reason());
    out.put("updatedAt", latest.updatedAt());
    if (latest.uploaderRegion() != null) {
      out.put("uploaderRegion", latest.uploaderRegion());
    }
    if (latest.reportId() != null && !latest.removed()) {
      ReportView h = ctx.store().reportView(latest.reportId()).orElse(null);
      if (h != null) {
        ownVersion(out, h, latest);
        out.put("agency", h.agency());
        out.put("year", h.year());
        out.put("reportUrl", "/reports/" + ReportRoutes.enc(h.id()));
      }
    }
    return Response.json(200, Json.write(out)).header("Cache-Control", "no-store");
  }

  /**
   * A ZIP's documents, put by ingest in the folder {@code <zip key>.files/} beside it, each with its own upload
   * status (at most 200).
   */
  private void batchEntries(com.fasterxml.jackson.databind.node.ArrayNode entries, String zipKey) {
    String prefix = zipKey + ".files/";
    ctx.s3().listObjectsV2Paginator(l -> l.bucket(ctx.config().reportsBucket()).prefix(prefix)).contents().stream()
        .limit(MAX_BATCH_ENTRIES).forEach(o -> {
          ObjectNode entry = entries.addObject();
          entry.put("key", o.key());
          entry.put("name", o.key().substring(prefix.length()));
          List<UploadView> h = ctx.store().uploadHistory(ctx.config().reportsBucket(), o.key());
          entry.put("state", h.isEmpty() ? "PENDING" : h.get(0).state());
          entry.put("reportId", h.isEmpty() ? null : h.get(0).reportId());
          entry.put("reason", h.isEmpty() ? null : h.get(0).reason());
        });
  }

  /**
   * The counts of the uploaded file's own version — the report's (as reviewed) when that version is current, else
   * the version's as read — whether it is current, and which current version the upload replaced, if any.
   */
  private void ownVersion(ObjectNode out, ReportView h, UploadView upload) {
    String sha = upload.sha256();
    VersionView own = sha == null || h.rejected() || sha.equals(h.currentSha256()) ? null
        : ctx.store().versionView(h.id(), sha).orElse(null);
    out.put("status", own == null ? h.status() : own.status());
    out.put("errors", own == null ? h.errors() : own.errors());
    out.put("warnings", own == null ? h.warnings() : own.warnings());
    out.put("notes", own == null ? h.notes() : own.notes());
    if (sha == null || h.rejected()) {
      return;
    }
    out.put("sha256", sha);
    out.put("current", sha.equals(h.currentSha256()));
    out.put("versionUrl", "/reports/" + ReportRoutes.enc(h.id()) + "/versions/" + sha);
    if (upload.replaced() != null) {
      ObjectNode replaced = out.putObject("replaced");
      replaced.put("sha256", upload.replaced());
      VersionView before = ctx.store().versionView(h.id(), upload.replaced()).orElse(null);
      replaced.put("name", before == null ? null : before.file().name());
      replaced.put("uploadedAt", before == null ? null : before.uploadedAt());
    }
  }
}

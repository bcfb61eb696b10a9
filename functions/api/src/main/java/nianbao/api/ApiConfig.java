package nianbao.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nianbao.core.settings.Settings;

/**
 * The settings template.yaml gives the api function (environment variables), or the local stack gives it directly.
 *
 * @param allowedOrigins   origins allowed by CORS ({@code *} for any); the template's {@code AllowedOrigin}
 * @param authRequired     the function itself refuses protected routes without an authorizer's principal
 *                         (defence in depth behind API Gateway's authorizer; false on the local stack, which is open)
 * @param protectReads     reads too need the authorizer (template parameter {@code ProtectReads})
 * @param maxUploadBytes   the largest upload a presigned PUT is signed for (core's reader limit)
 * @param readMaxAge       Cache-Control max-age of reads
 * @param inlineExportBytes an export larger than this is written to the export bucket and answered with a link
 * @param exportTimeBudget an export still being read after this long within a request continues as a background
 *                         job (API Gateway gives up at 30 s)
 */
public record ApiConfig(String tableName, String reportsBucket, String exportBucket, List<String> allowedOrigins,
    boolean authRequired, boolean protectReads, String uploadPrefix, long maxUploadBytes, Duration uploadUrlTtl,
    Duration downloadUrlTtl, Duration readMaxAge, int inlineExportBytes, Duration exportTimeBudget) {

  public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
  /** Lambda's response limit is 6 MB; CSV text is sent as is (not base64), so 5 MB leaves room for the envelope. */
  public static final int INLINE_EXPORT_BYTES = 5 * 1024 * 1024;

  /** The local stack's settings: everything open, any origin. */
  public static ApiConfig local(String tableName, String reportsBucket, String exportBucket) {
    return new ApiConfig(tableName, reportsBucket, exportBucket, List.of("*"), false, false, "uploads/",
        MAX_UPLOAD_BYTES, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(10),
        INLINE_EXPORT_BYTES, Duration.ofSeconds(10));
  }

  /** {@link #from(Settings)} this process's settings. */
  public static ApiConfig fromEnvironment() {
    return from(Settings.system());
  }

  /**
   * From the settings the template gives the function (environment variables, or system properties of the same
   * names, which win): TABLE_NAME, REPORTS_BUCKET, EXPORT_BUCKET (required), ALLOWED_ORIGIN (comma-separated,
   * default {@code *}), AUTH_REQUIRED, PROTECT_READS ({@code true}/{@code false}, default false).
   */
  public static ApiConfig from(Settings settings) {
    ApiConfig local = local(settings.required("TABLE_NAME"), settings.required("REPORTS_BUCKET"),
        settings.required("EXPORT_BUCKET"));
    List<String> origins = Arrays.stream(settings.orDefault("ALLOWED_ORIGIN", "*").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).toList();
    return new ApiConfig(local.tableName(), local.reportsBucket(), local.exportBucket(),
        origins.isEmpty() ? List.of("*") : origins, settings.flag("AUTH_REQUIRED", false),
        settings.flag("PROTECT_READS", false), local.uploadPrefix(), local.maxUploadBytes(),
        local.uploadUrlTtl(), local.downloadUrlTtl(), local.readMaxAge(), local.inlineExportBytes(),
        local.exportTimeBudget());
  }

  public ApiConfig withAuth(boolean required, boolean reads) {
    return new ApiConfig(tableName, reportsBucket, exportBucket, allowedOrigins, required, reads, uploadPrefix,
        maxUploadBytes, uploadUrlTtl, downloadUrlTtl, readMaxAge, inlineExportBytes, exportTimeBudget);
  }

  public ApiConfig withOrigins(List<String> origins) {
    return new ApiConfig(tableName, reportsBucket, exportBucket, List.copyOf(origins), authRequired, protectReads,
        uploadPrefix, maxUploadBytes, uploadUrlTtl, downloadUrlTtl, readMaxAge, inlineExportBytes, exportTimeBudget);
  }

  public ApiConfig withExportTimeBudget(Duration budget) {
    return new ApiConfig(tableName, reportsBucket, exportBucket, allowedOrigins, authRequired, protectReads,
        uploadPrefix, maxUploadBytes, uploadUrlTtl, downloadUrlTtl, readMaxAge, inlineExportBytes, budget);
  }

  public ApiConfig withInlineExportBytes(int bytes) {
    return new ApiConfig(tableName, reportsBucket, exportBucket, allowedOrigins, authRequired, protectReads,
        uploadPrefix, maxUploadBytes, uploadUrlTtl, downloadUrlTtl, readMaxAge, bytes, exportTimeBudget);
  }
}

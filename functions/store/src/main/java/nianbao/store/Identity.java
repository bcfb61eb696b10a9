package nianbao.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nianbao.core.model.Report;
import nianbao.core.region.AgencyNames;

/**
 * A report's identity, as docs/DESIGN.md defines it: the resolved division code plus the normalised agency name, and
 * the year. {@code agencyKey} is a short hash of the agency identity; {@code reportId} is agencyKey and year,
 * so the neighbours Y−1 and Y+1 of a report are found by key, without a query.
 */
public record Identity(String agencyKey, String agencyNorm, Integer year, String reportId) {

  public static Identity of(Report report, String sha256) {
    String code = report.region() == null || report.region().code() == null ? "" : report.region().code();
    String norm = normaliseAgency(report.agency());
    String agencyKey;
    if (norm.isEmpty()) {
      // no agency printed: nothing to tie a corrected upload to, so each file stands alone
      agencyKey = "u" + hash("sha:" + sha256).substring(0, 15);
    } else {
      agencyKey = hash(code + "|" + norm).substring(0, 16);
    }
    Integer year = report.year();
    return new Identity(agencyKey, norm, year, reportId(agencyKey, year));
  }

  public static String reportId(String agencyKey, Integer year) {
    return agencyKey + "-" + (year == null ? "0000" : year.toString());
  }

  /** The id of a rejected upload: its key and content (ETag), or its version when S3 gave no ETag. */
  public static String rejectedId(String bucket, String key, String eTagOrVersionId) {
    String content = eTagOrVersionId == null ? null : eTagOrVersionId.replace("\"", "");
    return "x" + hash(bucket + "/" + key + "#" + content).substring(0, 20);
  }

  /**
   * The agency name as compared for identity: core's normal form (blanks removed, full-width → half-width,
   * traditional → simplified, misrecognised division names corrected), never null.
   */
  public static String normaliseAgency(String printed) {
    String norm = printed == null ? null : AgencyNames.normalise(printed);
    return norm == null ? "" : norm;
  }

  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

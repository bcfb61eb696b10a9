package nianbao.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nianbao.core.agency.AgencyIdentity;
import nianbao.core.model.Report;
import nianbao.core.region.AgencyNames;

/**
 * A report's identity, as docs/DESIGN.md defines it: the agency — core's {@link AgencyIdentity}, the division code
 * (a replaced code read as its current one) plus the body of the normalised name, so 洪泽区人民政府 and
 * 淮安市洪泽区人民政府 are one — and the year. {@code agencyKey} is a short hash of the agency identity. A new
 * report's id is agencyKey and year, so its neighbours Y−1 and Y+1 are found by key; a report keeps the id it was
 * first stored under (before identities: the hash of code and whole name, {@link #legacyKey}), and the agency's
 * year items ({@code AgencyYear}) say which report is its year when that is not the key's.
 */
public record Identity(String agencyKey, String agencyNorm, Integer year, String reportId) {

  public static Identity of(Report report, String sha256) {
    String norm = normaliseAgency(report.agency());
    String agencyKey;
    if (norm.isEmpty()) {
      // no agency printed: nothing to tie a corrected upload to, so each file stands alone
      agencyKey = "u" + hash("sha:" + sha256).substring(0, 15);
    } else {
      agencyKey = agencyKey(AgencyIdentity.of(report.agency(), report.region()));
    }
    Integer year = report.year();
    return new Identity(agencyKey, norm, year, reportId(agencyKey, year));
  }

  /** This identity with the id of the report it is stored as (its first id, kept for ever). */
  public Identity storedAs(String id) {
    return new Identity(agencyKey, agencyNorm, year, id);
  }

  /** The key of an agency identity: the first 16 hex of sha256 of {@code code|body}. */
  public static String agencyKey(AgencyIdentity agency) {
    return hash(agency.key()).substring(0, 16);
  }

  /**
   * The agency key reports were stored under before agencies were identities (2026-12, rules/5 and earlier): the
   * hash of the division code and the whole normalised name; null without a name. Their ids are
   * {@code <legacyKey>-<year>} and never change.
   */
  public static String legacyKey(Report report) {
    String code = report.region() == null || report.region().code() == null ? "" : report.region().code();
    String norm = normaliseAgency(report.agency());
    return norm.isEmpty() ? null : hash(code + "|" + norm).substring(0, 16);
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

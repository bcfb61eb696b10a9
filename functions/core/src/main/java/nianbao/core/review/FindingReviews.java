package nianbao.core.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Review;
import nianbao.core.model.Severity;

/**
 * The findings of a stored report under review: each gets its identity and the reviewers' decisions. Pure.
 *
 * <p>The fingerprint is the rule and the location (with the finding's place among findings of the same rule and
 * location, for the few rules that report one place more than once), so a re-read, a reprocess or a re-upload
 * that finds the same problem at the same place gives it the same fingerprint. The values hash covers what the
 * finding is about — {@code expected} and {@code actual}, or the message where a rule states no values — so a
 * decision holds while they are unchanged, and the finding returns to review when they change.
 */
public final class FindingReviews {
  private FindingReviews() {}

  /** The findings with their fingerprints and values hashes (any earlier ones are recomputed). */
  public static List<Finding> identify(List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String place = f.rule() + "|" + place(f.location());
      int n = seen.merge(place, 1, Integer::sum);
      out.add(f.withIdentity(hash(place + "|" + n), valuesHash(f)));
    }
    return out;
  }

  /**
   * The findings identified and reviewed: a decision whose values still match is the finding's review; one whose
   * values changed leaves the finding pending with the reason; errors and warnings without a decision are pending.
   * Reading notes are about nianbao's reading, not the report, and are not reviewed.
   */
  public static List<Finding> apply(List<Finding> findings, Map<String, ReviewDecision> decisions) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : identify(findings)) {
      out.add(f.withReview(review(f, decisions.get(f.fingerprint()))));
    }
    return out;
  }

  /** Whether a reviewer may decide on {@code finding}: errors and warnings, not reading notes. */
  public static boolean reviewable(Finding finding) {
    return finding.severity() != Severity.NOTE;
  }

  /** The finding of {@code fingerprint} among identified findings, or null. */
  public static Finding find(List<Finding> identified, String fingerprint) {
    for (Finding f : identified) {
      if (fingerprint.equals(f.fingerprint())) {
        return f;
      }
    }
    return null;
  }

  /** The decision a reviewer takes on an identified finding now. */
  public static ReviewDecision decide(Finding finding, String decision, String reason, String by, String at) {
    return new ReviewDecision(finding.fingerprint(), decision, reason, by, at, finding.valuesHash(), finding.rule(),
        finding.expected(), finding.actual());
  }

  private static Review review(Finding f, ReviewDecision d) {
    if (!reviewable(f)) {
      return null;
    }
    if (d == null) {
      return Review.NONE;
    }
    if (Objects.equals(d.valuesHash(), f.valuesHash())) {
      return new Review(d.decision(), d.reason(), d.by(), d.at(), null, null);
    }
    return new Review(Review.PENDING, d.reason(), d.by(), d.at(), d.decision(), "数值已变化，需重新审核：审核时"
        + values(d.expected(), d.actual()) + "，现在" + values(f.expected(), f.actual()));
  }

  private static String values(String expected, String actual) {
    if (expected == null && actual == null) {
      return "的说明已不同";
    }
    return "应为 " + (expected == null ? "—" : expected) + "、实为 " + (actual == null ? "—" : actual);
  }

  private static String place(Location l) {
    return l == null ? "||" : nz(l.section()) + "|" + nz(l.row()) + "|" + nz(l.column());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String valuesHash(Finding f) {
    String values = f.expected() == null && f.actual() == null ? "m:" + nz(f.message())
        : "v:" + nz(f.expected()) + "\u0000" + nz(f.actual());
    return hash(values);
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

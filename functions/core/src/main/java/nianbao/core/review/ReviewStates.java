package nianbao.core.review;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nianbao.core.model.Finding;
import nianbao.core.model.Review;
import nianbao.core.model.Severity;

/**
 * Where a report stands in the office's review, apart from its status (VALID / HAS_ERRORS / REJECTED) and from the
 * state of an upload. Pure: derived from the report's reviewed findings, the notices issued and its current
 * version, whenever one of them changes.
 *
 * <ul>
 *   <li>{@code PENDING} 待审核: an error finding has no decision (or its values changed since it was decided);
 *   <li>{@code REVIEWED} 已审核: every error finding is confirmed or dismissed (a report without error findings
 *       has nothing to decide, so it is reviewed);
 *   <li>{@code NOTIFIED} 已通知整改: a notice was issued and no later version has resolved what it named;
 *   <li>{@code RECTIFIED} 已整改: a version later than the notice's has none of the findings it named (dismissed
 *       ones aside) and no error waiting for a decision — one that has is {@code PENDING}: a new round.
 * </ul>
 */
public final class ReviewStates {
  public static final String PENDING = "PENDING";
  public static final String REVIEWED = "REVIEWED";
  public static final String NOTIFIED = "NOTIFIED";
  public static final String RECTIFIED = "RECTIFIED";

  /** Every state, in the order of the workflow. */
  public static final List<String> ALL = List.of(PENDING, REVIEWED, NOTIFIED, RECTIFIED);

  private ReviewStates() {}

  /**
   * @param findings   the report's current findings, identified and reviewed ({@link FindingReviews#apply})
   * @param notices    the notices issued for the report, oldest first
   * @param currentSha the current version's sha256
   */
  public static String of(List<Finding> findings, List<Notice> notices, String currentSha) {
    boolean undecided = findings.stream().anyMatch(ReviewStates::awaitsDecision);
    Notice last = notices == null || notices.isEmpty() ? null : notices.get(notices.size() - 1);
    if (last == null) {
      return undecided ? PENDING : REVIEWED;
    }
    if (!resolved(last, findings, currentSha)) {
      return NOTIFIED;
    }
    return undecided ? PENDING : RECTIFIED;
  }

  /** An error finding no reviewer has decided on (as the findings now are). */
  public static boolean awaitsDecision(Finding f) {
    return f.severity() == Severity.ERROR && (f.review() == null || Review.PENDING.equals(f.review().state()));
  }

  /** A finding the office stands by: confirmed, on the values it now has. */
  public static boolean confirmed(Finding f) {
    return f.review() != null && Review.CONFIRMED.equals(f.review().state());
  }

  /** Whether a version other than the notice's is current and has none of the findings it named left. */
  static boolean resolved(Notice notice, List<Finding> findings, String currentSha) {
    if (currentSha == null || currentSha.equals(notice.sha256())) {
      return false;
    }
    Set<String> named = new HashSet<>(notice.fingerprints());
    return findings.stream().noneMatch(f -> !f.dismissed() && named.contains(f.fingerprint()));
  }
}

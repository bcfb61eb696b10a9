package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One rule's verdict on one place of a report. Messages are Chinese; rule ids and keys are docs/FORMAT.md's.
 *
 * <p>A stored report's findings also carry {@code fingerprint} (the finding's identity: rule and location, the same
 * across re-reads, reprocessing and re-uploads), {@code valuesHash} (the values it is about: a reviewer's decision
 * holds while they are unchanged) and {@code review}; all three are null on a report read on its own
 * ({@code nianbao.core.review.FindingReviews} assigns them).
 */
@JsonPropertyOrder({"rule", "severity", "location", "message", "expected", "actual", "fingerprint", "valuesHash",
    "review"})
public record Finding(String rule, Severity severity, Location location, String message, String expected,
    String actual, @JsonInclude(JsonInclude.Include.NON_NULL) String fingerprint,
    @JsonInclude(JsonInclude.Include.NON_NULL) String valuesHash,
    @JsonInclude(JsonInclude.Include.NON_NULL) Review review) {

  public Finding(String rule, Severity severity, Location location, String message, String expected, String actual) {
    this(rule, severity, location, message, expected, actual, null, null, null);
  }

  public static Finding error(String rule, Location location, String message, Object expected, Object actual) {
    return new Finding(rule, Severity.ERROR, location, message, text(expected), text(actual));
  }

  public static Finding warning(String rule, Location location, String message, Object expected, Object actual) {
    return new Finding(rule, Severity.WARNING, location, message, text(expected), text(actual));
  }

  /** A reading note (rule S2): how the document was read, not a problem of the report. */
  public static Finding note(String rule, Location location, String message, Object expected, Object actual) {
    return new Finding(rule, Severity.NOTE, location, message, text(expected), text(actual));
  }

  public Finding withIdentity(String newFingerprint, String newValuesHash) {
    return new Finding(rule, severity, location, message, expected, actual, newFingerprint, newValuesHash, review);
  }

  public Finding withReview(Review newReview) {
    return new Finding(rule, severity, location, message, expected, actual, fingerprint, valuesHash, newReview);
  }

  /** A finding a reviewer dismissed (驳回/误报): it no longer counts in the report's errors, warnings and status. */
  public boolean dismissed() {
    return review != null && Review.DISMISSED.equals(review.state());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}

package nianbao.core.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import nianbao.core.model.Review;

/**
 * A reviewer's decision on one finding: {@code confirmed} or {@code dismissed}, why, who and when, and the values
 * the finding had then ({@code valuesHash}, with {@code expected}/{@code actual} to say what changed if they no
 * longer match).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewDecision(String fingerprint, String decision, String reason, String by, String at,
    String valuesHash, String rule, String expected, String actual) {

  public ReviewDecision {
    if (!Review.decision(decision)) {
      throw new IllegalArgumentException("a decision is confirmed or dismissed, not " + decision);
    }
  }
}

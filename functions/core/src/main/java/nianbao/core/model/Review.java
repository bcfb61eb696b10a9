package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a finding stands in review: {@code pending} (待审核), {@code confirmed} (确认) or {@code dismissed}
 * (驳回/误报), with the reviewer's reason, who and when. A finding whose values changed since it was decided is
 * {@code pending} again: {@code returned} says why, and {@code previous} what had been decided.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "reason", "by", "at", "previous", "returned"})
public record Review(String state, String reason, String by, String at, String previous, String returned) {
  public static final String PENDING = "pending";
  public static final String CONFIRMED = "confirmed";
  public static final String DISMISSED = "dismissed";

  public static final Review NONE = new Review(PENDING, null, null, null, null, null);

  public static boolean decision(String state) {
    return CONFIRMED.equals(state) || DISMISSED.equals(state);
  }
}

package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One rule's verdict on one place of a report. Messages are Chinese; rule ids and keys are docs/FORMAT.md's. */
@JsonPropertyOrder({"rule", "severity", "location", "message", "expected", "actual"})
public record Finding(String rule, Severity severity, Location location, String message, String expected,
    String actual) {

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

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}

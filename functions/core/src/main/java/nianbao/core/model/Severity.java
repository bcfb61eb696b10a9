package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a finding weighs. {@code ERROR} and {@code WARNING} are about the report itself; {@code NOTE} is a reading
 * note — how nianbao read the document (digits it split, cells it placed, checks it could not apply) — never a
 * problem of the report: it is counted apart and never changes a report's status.
 */
public enum Severity {
  ERROR, WARNING, NOTE;

  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Severity fromJson(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}

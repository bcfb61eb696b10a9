package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Severity {
  ERROR, WARNING;

  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Severity fromJson(String s) {
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}

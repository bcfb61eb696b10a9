package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where a finding points: section 一…六, and for tables the row key and column key of docs/FORMAT.md. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"section", "row", "column"})
public record Location(String section, String row, String column) {
  public static Location section(String section) {
    return new Location(section, null, null);
  }

  public static Location row(String section, String row) {
    return new Location(section, row, null);
  }

  public static Location column(String section, String column) {
    return new Location(section, null, column);
  }

  public static Location cell(String section, String row, String column) {
    return new Location(section, row, column);
  }
}

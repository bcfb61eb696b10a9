package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table B: {@code rows} holds all 25 row keys, each a list of 7 cells (null = blank). */
@JsonPropertyOrder({"columns", "rows"})
public record Applications(List<String> columns, Map<String, List<Long>> rows) {

  public static final List<String> COLUMNS = List.of("naturalPerson", "commercialEnterprise", "researchInstitution",
      "socialWelfareOrganization", "legalServiceOrganization", "otherOrganization", "total");

  /** The 21 outcome rows whose sum is row {@code total} (rule B3). */
  public static final List<String> OUTCOME_ROWS = List.of("granted", "partiallyGranted",
      "denied.stateSecret", "denied.prohibitedByLaw", "denied.threeSecurityOneStability",
      "denied.thirdPartyRights", "denied.internalAffairs", "denied.processInformation",
      "denied.lawEnforcementFile", "denied.administrativeQuery",
      "unavailable.notHeld", "unavailable.needsCreation", "unavailable.unclearAfterCorrection",
      "notProcessed.complaint", "notProcessed.duplicate", "notProcessed.publication",
      "notProcessed.massRepeated", "notProcessed.confirmation",
      "other.overdueCorrection", "other.overdueFee", "other.other");

  public static final List<String> ROWS;

  static {
    List<String> rows = new ArrayList<>();
    rows.add("newReceived");
    rows.add("carriedOver");
    rows.addAll(OUTCOME_ROWS);
    rows.add("total");
    rows.add("carriedForward");
    ROWS = Collections.unmodifiableList(rows);
  }

  public static final int TOTAL_COLUMN = 6;

  /** A table with every row present and every cell blank. */
  public static Applications blank() {
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    for (String key : ROWS) {
      rows.put(key, new ArrayList<>(Collections.nCopies(COLUMNS.size(), null)));
    }
    return new Applications(COLUMNS, rows);
  }

  public Long cell(String row, int column) {
    List<Long> cells = rows.get(row);
    return cells == null ? null : cells.get(column);
  }
}

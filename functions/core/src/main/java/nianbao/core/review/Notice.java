package nianbao.core.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A rectification notice (整改通知) issued to the agency for one report: when and by whom, the version it was
 * issued on ({@code sha256}), the findings it named (their fingerprints: the confirmed ones then), the deadline
 * (ISO date) and issuing office it gave, and the reviewer's note. The report stays 已通知整改 until a later version
 * no longer has those findings ({@link ReviewStates}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(String id, String at, String by, String sha256, List<String> fingerprints, String deadline,
    String issuer, String note) {

  public Notice {
    fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
  }
}

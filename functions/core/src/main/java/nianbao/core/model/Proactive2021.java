package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Table A on the 2021 template. {@code fees} is 万元 as a decimal string with the digits as printed. */
@JsonPropertyOrder({"regulations", "normativeDocuments", "licensing", "punishment", "enforcement", "fees"})
public record Proactive2021(
    DocumentCounts regulations,
    DocumentCounts normativeDocuments,
    Long licensing,
    Long punishment,
    Long enforcement,
    String fees) implements Proactive {

  /** 本年制发件数, 本年废止件数, 现行有效件数. */
  @JsonPropertyOrder({"issued", "repealed", "inForce"})
  public record DocumentCounts(Long issued, Long repealed, Long inForce) {}
}

package nianbao.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Table C: three groups of five cells. */
@JsonPropertyOrder({"adminReview", "litigationDirect", "litigationAfterReview"})
public record ReviewAndLitigation(Group adminReview, Group litigationDirect, Group litigationAfterReview) {

  public static final List<String> GROUPS = List.of("adminReview", "litigationDirect", "litigationAfterReview");
  public static final List<String> CELLS = List.of("upheld", "corrected", "other", "pending", "total");

  /** The table with every cell blank. */
  public static ReviewAndLitigation blank() {
    Group none = new Group(null, null, null, null, null);
    return new ReviewAndLitigation(none, none, none);
  }

  public Group group(String key) {
    return switch (key) {
      case "adminReview" -> adminReview;
      case "litigationDirect" -> litigationDirect;
      case "litigationAfterReview" -> litigationAfterReview;
      default -> throw new IllegalArgumentException("no table C group " + key);
    };
  }

  /** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
  @JsonPropertyOrder({"upheld", "corrected", "other", "pending", "total"})
  public record Group(Long upheld, Long corrected, Long other, Long pending, Long total) {
    public static Group of(List<Long> cells) {
      return new Group(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4));
    }

    public List<Long> cells() {
      return java.util.Arrays.asList(upheld, corrected, other, pending, total);
    }

    public Long cell(String key) {
      return cells().get(CELLS.indexOf(key));
    }
  }
}

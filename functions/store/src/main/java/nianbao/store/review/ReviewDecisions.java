package nianbao.store.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.core.json.ReportMapper;
import nianbao.core.review.ReviewDecision;
import nianbao.store.item.ReviewRecord;

/** The decisions of a {@link ReviewRecord}, by fingerprint, to and from their JSON. */
public final class ReviewDecisions {
  private static final TypeReference<List<ReviewDecision>> LIST = new TypeReference<>() {};

  private ReviewDecisions() {}

  public static Map<String, ReviewDecision> of(Optional<ReviewRecord> record) {
    return record.map(r -> read(r.decisions())).orElse(Map.of());
  }

  public static Map<String, ReviewDecision> read(String json) {
    Map<String, ReviewDecision> out = new LinkedHashMap<>();
    if (json == null || json.isEmpty()) {
      return out;
    }
    try {
      for (ReviewDecision d : ReportMapper.MAPPER.readValue(json, LIST)) {
        out.put(d.fingerprint(), d);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable review decisions", e);
    }
    return out;
  }

  public static String write(Map<String, ReviewDecision> decisions) {
    if (decisions.isEmpty()) {
      return null;
    }
    try {
      return ReportMapper.MAPPER.writeValueAsString(List.copyOf(decisions.values()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

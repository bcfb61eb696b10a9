package nianbao.store.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.core.json.ReportMapper;
import nianbao.core.model.Report;
import nianbao.core.review.Correction;
import nianbao.core.review.Corrections;
import nianbao.core.review.Notice;
import nianbao.core.review.ReviewDecision;
import nianbao.store.item.ReviewRecord;
import nianbao.store.item.ReviewRecordBuilder;

/**
 * What reviewers did to one report, as its {@link ReviewRecord} keeps it: decisions on findings by fingerprint,
 * corrections of cells in the order they were made, and the rectification notices issued (oldest first). Applied
 * to every reading of the report's current version.
 */
public record ReviewState(Map<String, ReviewDecision> decisions, List<Correction> corrections,
    List<Notice> notices) {
  private static final TypeReference<List<ReviewDecision>> DECISIONS = new TypeReference<>() {};
  private static final TypeReference<List<Correction>> CORRECTIONS = new TypeReference<>() {};
  private static final TypeReference<List<Notice>> NOTICES = new TypeReference<>() {};
  public static final ReviewState NONE = new ReviewState(Map.of(), List.of(), List.of());

  public static ReviewState of(Optional<ReviewRecord> record) {
    return record.map(ReviewState::of).orElse(NONE);
  }

  public static ReviewState of(ReviewRecord record) {
    Map<String, ReviewDecision> decisions = new LinkedHashMap<>();
    read(record.decisions(), DECISIONS).forEach(d -> decisions.put(d.fingerprint(), d));
    return new ReviewState(decisions, read(record.corrections(), CORRECTIONS), read(record.notices(), NOTICES));
  }

  public ReviewState withDecisions(Map<String, ReviewDecision> newDecisions) {
    return new ReviewState(newDecisions, corrections, notices);
  }

  public ReviewState withCorrections(List<Correction> newCorrections) {
    return new ReviewState(decisions, newCorrections, notices);
  }

  public ReviewState withNotices(List<Notice> newNotices) {
    return new ReviewState(decisions, corrections, newNotices);
  }

  /** The report as read, corrected, with its single-report findings found again on the corrected values. */
  public Corrections.Corrected correct(Report asRead) {
    return Corrections.apply(asRead, corrections);
  }

  public ReviewRecord record(String reportId, String now) {
    return ReviewRecordBuilder.builder().reportId(reportId)
        .decisions(decisions.isEmpty() ? null : write(List.copyOf(decisions.values())))
        .corrections(corrections.isEmpty() ? null : write(corrections))
        .notices(notices.isEmpty() ? null : write(notices)).updatedAt(now).build();
  }

  private static <T> List<T> read(String json, TypeReference<List<T>> type) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return ReportMapper.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable review record", e);
    }
  }

  private static String write(Object value) {
    try {
      return ReportMapper.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

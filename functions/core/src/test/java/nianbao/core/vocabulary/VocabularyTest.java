package nianbao.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nianbao.core.model.Applications;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Severity;
import nianbao.core.rules.CrossYearRules;
import nianbao.core.rules.SingleReportRules;
import nianbao.core.vocabulary.Vocabulary.Row;
import nianbao.core.vocabulary.Vocabulary.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

  @Test
  void namesEveryRuleTheRulesCheckAndNoOther() {
    List<String> checked = new ArrayList<>(SingleReportRules.IDS);
    checked.addAll(CrossYearRules.IDS);
    assertEquals(Set.copyOf(checked), Set.copyOf(Vocabulary.ruleIds()));
    assertEquals(Vocabulary.RULES.size(), Set.copyOf(Vocabulary.ruleIds()).size(), "each rule once");
    Vocabulary.RULES.forEach(r -> assertTrue(!r.label().isBlank() && r.severity() != null, r.id()));
  }

  @Test
  void labelsEverySeverity() {
    for (Severity s : Severity.values()) {
      assertTrue(Vocabulary.SEVERITIES.stream().anyMatch(t -> t.key().equals(s.json())), s + " has no label");
    }
    assertEquals(Severity.values().length, Vocabulary.SEVERITIES.size());
  }

  @Test
  void hasEveryKeyOfTheJsonInItsOrder() {
    assertEquals(Applications.COLUMNS, keys(Vocabulary.B_COLUMNS));
    assertEquals(Applications.ROWS, Vocabulary.B_ROWS.stream().map(Row::key).toList());
    assertEquals(ReviewAndLitigation.GROUPS, Vocabulary.C_GROUPS.stream().map(Row::key).toList());
    assertEquals(ReviewAndLitigation.CELLS, keys(Vocabulary.C_CELLS));
    assertEquals(components(Proactive2021.class), Vocabulary.A_ROWS.stream().map(Row::key).toList());
    assertEquals(components(Proactive2019.class), Vocabulary.A2019_ROWS.stream().map(Row::key).toList());
    Set<String> cells = new HashSet<>();
    Stream.of(Proactive2021.DocumentCounts.class, Proactive2019.Publications.class, Proactive2019.Items.class,
        Proactive2019.FeeItems.class, Proactive2019.Procurement.class).forEach(c -> cells.addAll(components(c)));
    assertEquals(cells, Set.copyOf(keys(Vocabulary.A_CELLS)));
    assertEquals(List.of("overview", "problems", "other"), keys(Vocabulary.TEXT_SECTIONS));
  }

  @Test
  void theSixOutcomesCoverTheOutcomeRowsInOrder() {
    List<String> rows = Vocabulary.OUTCOMES.stream().flatMap(o -> Vocabulary.outcomeRows(o.key()).stream()).toList();
    assertEquals(Applications.OUTCOME_ROWS, rows);
  }

  @Test
  void usesTheTemplatesOwnWording() {
    // 国办公开办函〔2021〕30号 prints 其他 under 法人或其他组织, not 其他组织
    assertEquals("其他", Vocabulary.columnName("otherOrganization"));
    assertEquals("三、收到和处理政府信息公开申请情况", Vocabulary.sectionHeading("三"));
    assertEquals("1.属于国家秘密", Vocabulary.B_ROWS.get(4).printed());
    assertEquals("不予公开·国家秘密", Vocabulary.rowName("denied.stateSecret"));
    assertEquals("行政诉讼·未经复议直接起诉", Vocabulary.rowName("litigationDirect"));
    assertEquals("规范性文件", Vocabulary.A2019_ROWS.get(1).printed());
    assertEquals("unknownKey", Vocabulary.rowName("unknownKey"));
  }

  @Test
  void jsonCarriesEveryTermAndIsWrittenOnlyWhenItChanges(@TempDir Path dir) throws Exception {
    JsonNode json = new ObjectMapper().readTree(VocabularyJson.render());
    assertEquals(Vocabulary.RULES.size(), json.path("rules").size());
    assertEquals("error", json.path("rules").get(0).path("severity").asText());
    assertEquals("其他", json.path("tableB").path("columns").get(5).path("label").asText());
    assertEquals(25, json.path("tableB").path("rows").size());
    assertEquals("（三）不予公开", json.path("tableB").path("rows").get(4).path("group").asText());
    assertEquals("五", json.path("textSections").get(1).path("section").asText());
    Path out = dir.resolve("generated/vocabulary.json");
    assertTrue(VocabularyJson.writeIfChanged(out));
    assertTrue(!VocabularyJson.writeIfChanged(out), "unchanged: not written again");
    Files.writeString(out, "{}");
    assertTrue(VocabularyJson.writeIfChanged(out));
    assertEquals(VocabularyJson.render(), Files.readString(out));
  }

  private static List<String> keys(List<Term> terms) {
    return terms.stream().map(Term::key).toList();
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}

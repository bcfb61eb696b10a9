package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A damaged label is taken for its row only where it stands, numbered as the row, close to the row's template
 * label and clearly closer to it than to any other: every label of tables A, B and C of both templates, and
 * their damaged forms, is tried in every row's place.
 */
class DamagedLabelsTest {
  private static final String VALUES = "0000000";

  /** Every row of table B on both templates (the 2019 one has （六）其他处理 as one row), with list numbers. */
  private static List<RowSpec> tableBRows() {
    Set<RowSpec> rows = new LinkedHashSet<>(ApplicationsRecogniser.ROWS_2021);
    rows.addAll(ApplicationsRecogniser.ROWS_ONE_OTHER);
    return new ArrayList<>(rows);
  }

  /** Every row found by its label: table B's and table A's on both templates (table C is read as one run). */
  private static List<RowSpec> allRows() {
    Set<RowSpec> rows = new LinkedHashSet<>(tableBRows());
    rows.addAll(ProactiveRecogniser.ROWS_2021);
    rows.addAll(ProactiveRecogniser.ROWS_2019);
    return new ArrayList<>(rows);
  }

  private static DamagedLabels.Match inPlaceOf(RowSpec row, String printed) {
    String number = row.marker() > 0 ? row.marker() + "." : "";
    String window = VALUES + number + printed + VALUES;
    return DamagedLabels.find(window, 0, window.length(), row.key(), row.marker());
  }

  /** The label with one character dropped at {@code at}. */
  private static String dropped(String label, int at) {
    return label.substring(0, at) + label.substring(at + 1);
  }

  @Test
  void theLabelOfTheIssueIsItsRow() {
    RowSpec row = tableBRows().stream().filter(r -> r.key().equals("denied.prohibitedByLaw")).findFirst().get();
    DamagedLabels.Match match = inPlaceOf(row, "其他法律行政止公开");
    assertNotNull(match);
    assertEquals(VALUES.length(), match.start());
    assertEquals(VALUES.length() + 2, match.labelStart());
  }

  @Test
  void everyLongLabelWithACharacterDroppedIsItsRow() {
    List<String> missed = new ArrayList<>();
    for (RowSpec row : allRows()) {
      String label = TemplateLabels.of(row.key());
      if (label.length() < DamagedLabels.MIN_LABEL) {
        continue;
      }
      for (int at = 0; at < label.length(); at++) {
        if (inPlaceOf(row, dropped(label, at)) == null) {
          missed.add(row.key() + ":" + dropped(label, at));
        }
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void twoCharactersLostFromALongLabelStillFindItsRow() {
    RowSpec row = tableBRows().stream().filter(r -> r.key().equals("notProcessed.confirmation")).findFirst().get();
    assertNotNull(inPlaceOf(row, "要求行政机关确认重新出具获取信息"));
  }

  @Test
  void anotherRowsLabelIsNeverTakenForThisRow() {
    List<String> wrong = new ArrayList<>();
    for (RowSpec row : allRows()) {
      for (TemplateLabels.Known other : TemplateLabels.ALL) {
        if (row.key().equals(other.key()) || other.text().equals(TemplateLabels.of(row.key()))) {
          continue;
        }
        List<String> forms = new ArrayList<>(List.of(other.text()));
        for (int at = 0; at < other.text().length(); at++) {
          forms.add(dropped(other.text(), at));
        }
        for (String form : forms) {
          if (!form.isEmpty() && inPlaceOf(row, form) != null) {
            wrong.add(row.key() + " ← " + form);
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void aWrongListNumberOrAnotherRowsPlaceIsNoMatch() {
    RowSpec row = tableBRows().stream().filter(r -> r.key().equals("denied.prohibitedByLaw")).findFirst().get();
    String window = VALUES + "3.其他法律行政止公开" + VALUES;
    assertNull(DamagedLabels.find(window, 0, window.length(), row.key(), row.marker()));
    RowSpec unnumbered = tableBRows().stream().filter(r -> r.key().equals("newReceived")).findFirst().get();
    String numbered = VALUES + "2.本年新收政府信息公开数量" + VALUES;
    assertNull(DamagedLabels.find(numbered, 0, numbered.length(), unnumbered.key(), unnumbered.marker()));
  }

  @Test
  void aLabelThatLostItsListNumberNeedsToBeCloser() {
    RowSpec row = tableBRows().stream().filter(r -> r.key().equals("denied.prohibitedByLaw")).findFirst().get();
    String window = VALUES + "其他法律行政法规止公开" + VALUES;
    assertNotNull(DamagedLabels.find(window, 0, window.length(), row.key(), row.marker()));
    String worse = VALUES + "其他法律行政止公开" + VALUES;
    assertNull(DamagedLabels.find(worse, 0, worse.length(), row.key(), row.marker()));
  }

  @Test
  void shortLabelsAreNeverMatchedByLikeness() {
    RowSpec row = tableBRows().stream().filter(r -> r.key().equals("notProcessed.duplicate")).findFirst().get();
    assertNull(inPlaceOf(row, "重申请"));
    assertTrue(TemplateLabels.of("notProcessed.duplicate").length() < DamagedLabels.MIN_LABEL);
  }

  @Test
  void aLabelRunIntoItsGroupHeadingIsStillFound() {
    assertEquals("本机关不相关政府信息", DamagedLabels.strippedOfHeadings("(四)无法提供本机关不相关政府信息"));
    assertEquals("予以公开", DamagedLabels.strippedOfHeadings("三、本年度办理结果(一)予以公开"));
  }
}

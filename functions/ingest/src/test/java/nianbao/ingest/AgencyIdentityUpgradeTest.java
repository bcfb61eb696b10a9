package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.ListFilter;
import nianbao.store.ReportView;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One agency, one identity, through ingest and the operations function on DynamoDB Local and s3proxy: 洪泽区人民政府
 * (2023) and 淮安市洪泽区人民政府 (2024) — the seed of 新乡县 moved to 洪泽区 — are one agency whose years the
 * cross-year rules compare; reports stored under their printed names before (rules/5) become that agency by
 * {@code reprocess}, their ids unchanged.
 */
class AgencyIdentityUpgradeTest {

  /** The seed as 洪泽区's report of {@code year}, its title printing the agency as {@code agency}. */
  static byte[] hongze(String agency, int year) {
    return SeedReports.text(SeedReports.XINXIANG_2022).replaceFirst("新乡县人民政府", agency)
        .replace("新乡县", "洪泽区").replace("新乡市", "淮安市").replace("河南省", "江苏省")
        .replaceFirst("2022年政府信息公开", year + "年政府信息公开").getBytes(StandardCharsets.UTF_8);
  }

  private static ReportHead ofYear(Harness h, int year) {
    return h.heads().stream().filter(x -> x.year() == year).findFirst().orElseThrow();
  }

  private static List<String> crossRules(ReportHead h) {
    return Findings.read(h.crossFindings()).stream().map(f -> f.rule()).toList();
  }

  @Test
  void twoPrintedNamesAreOneAgencyFoundByAnyPartOfItsName() throws Exception {
    Backend.Local backend = Backend.Local.shared();
    Harness h = new Harness(backend, backend.dynamo(), ReportParser.CORE);
    h.deliver(h.upload("uploads/hongze-2023.txt", hongze("洪泽区人民政府", 2023)));
    h.deliver(h.upload("uploads/hongze-2024.txt", hongze("淮安市洪泽区人民政府", 2024)));
    ReportHead y2023 = ofYear(h, 2023);
    ReportHead y2024 = ofYear(h, 2024);
    assertEquals("320813", y2023.regionCode());
    assertEquals(y2023.agencyKey(), y2024.agencyKey());
    // the same text both years: X5 (sections 一 and 五 repeat last year's) compares them
    assertTrue(crossRules(y2024).contains("X5"), crossRules(y2024).toString());
    assertEquals(List.of(2023, 2024), h.store.agencyReports(y2023.agencyKey(), 2019, 2026).stream()
        .map(ReportView::year).toList());
    var found = h.store.list(new ListFilter(null, null, null, null, null, "洪泽"), 10, null).items();
    assertEquals(2, found.size());
    h.assertSummariesExact();
  }

  @Test
  void reportsStoredUnderTheirPrintedNamesBecomeOneAgencyByReprocessKeepingTheirIds() throws Exception {
    // GIVEN both years as rules/5 stored them: each under the hash of its printed name, two agencies, no comparison
    Backend.Local backend = Backend.Local.shared();
    Harness h = new Harness(backend, backend.dynamo(), ReportParser.CORE);
    h.deliver(h.upload("uploads/hongze-2023.txt", hongze("洪泽区人民政府", 2023)));
    String id2023 = asStoredBefore(h, ofYear(h, 2023));
    h.deliver(h.upload("uploads/hongze-2024.txt", hongze("淮安市洪泽区人民政府", 2024)));
    String id2024 = asStoredBefore(h, ofYear(h, 2024));
    ReadingNotesUpgradeTest.markStoredBy(h, "rules/5");
    assertTrue(!ofYear(h, 2023).agencyKey().equals(ofYear(h, 2024).agencyKey()));
    assertNull(ofYear(h, 2024).crossFindings());

    // WHEN the operator reprocesses, as ./nianbao reprocess invokes the operations function
    OperationsHandler current = new OperationsHandler(h.ingestWith(ReportParser.CORE), backend::sqs, null);
    String answer = ReadingNotesUpgradeTest.invoke(current, "{\"action\":\"reprocess\"}");
    assertTrue(answer.contains("\"reprocessed\":2") && answer.contains("\"cursor\":null"), answer);

    // THEN the ids are as they were, the agency is one, its years are found, and 2024 is compared with 2023
    ReportHead y2023 = ofYear(h, 2023);
    ReportHead y2024 = ofYear(h, 2024);
    assertEquals(List.of(id2023, id2024), List.of(y2023.reportId(), y2024.reportId()));
    assertEquals(y2023.agencyKey(), y2024.agencyKey());
    assertEquals(ReportReader.RULES_VERSION, y2024.rulesVersion());
    assertTrue(crossRules(y2024).contains("X5"), crossRules(y2024).toString());
    assertEquals(List.of(id2023, id2024), h.store.agencyReports(y2023.agencyKey(), 2019, 2026).stream()
        .map(ReportView::id).toList());
    assertEquals(2, h.heads().size());
    h.assertSummariesExact();
  }

  /**
   * Rewrites a report's items as the code before identities wrote them: its id and agency key the hash of code and
   * printed name, no year item of its agency. Every string naming the id is rewritten (keys, index sort keys).
   */
  static String asStoredBefore(Harness h, ReportHead head) {
    String legacyKey = Identity.hash(head.regionCode() + "|" + head.agencyNorm()).substring(0, 16);
    String legacyId = Identity.reportId(legacyKey, head.year());
    for (Map<String, AttributeValue> item : h.dynamo.scanPaginator(r -> r.tableName(h.table)).items()) {
      String pk = item.get(Keys.PK).s();
      if (pk.equals(Keys.agency(head.agencyKey()))) {
        h.dynamo.deleteItem(r -> r.tableName(h.table).key(Keys.of(pk, item.get(Keys.SK).s())));
        continue;
      }
      Map<String, AttributeValue> moved = new HashMap<>();
      boolean changed = false;
      for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
        AttributeValue v = e.getValue();
        if (v.s() != null && (v.s().contains(head.reportId()) || "agencyKey".equals(e.getKey())
            && v.s().equals(head.agencyKey()))) {
          v = AttributeValue.fromS(v.s().replace(head.reportId(), legacyId).replace(head.agencyKey(), legacyKey));
          changed = true;
        }
        moved.put(e.getKey(), v);
      }
      if (changed) {
        h.dynamo.deleteItem(r -> r.tableName(h.table).key(Keys.of(pk, item.get(Keys.SK).s())));
        h.dynamo.putItem(r -> r.tableName(h.table).item(moved));
      }
    }
    return legacyId;
  }
}

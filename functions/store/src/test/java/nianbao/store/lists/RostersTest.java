package nianbao.store.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.core.model.PrintedDate;
import nianbao.core.roster.RosterEntry;
import nianbao.core.roster.RosterMatching.ReportFacts;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.ReportStore;
import nianbao.store.Rosters;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Rosters kept in the table in parts, replaced whole; a region's reports of a year as a roster reads them. */
class RostersTest {

  @Test
  void aRosterIsKeptInPartsAndReplacedWholeAndTheRegionsReportsCarryCodeAndDate() {
    try (LocalTable local = new LocalTable(LocalDynamoDb.inMemory())) {
      Rosters rosters = new Rosters(local.dynamo, local.table);
      List<RosterEntry> big = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        big.add(new RosterEntry(i + 2, "第" + i + "局", i % 2 == 0 ? "320813" : null));
      }
      rosters.put(2023, "江苏省", "淮安市", big, "UTF-8", "admin", "2026-12-07T00:00:00Z");
      Rosters.Stored stored = rosters.get(2023, "江苏省", "淮安市").orElseThrow();
      assertEquals(big, stored.entries());
      assertEquals("admin", stored.uploadedBy());
      assertEquals(4, items(local, "ROSTER#2023#江苏省#淮安市"), "META and three parts");
      rosters.put(2023, "江苏省", "淮安市", big.subList(0, 10), "GB18030", null, "2026-12-08T00:00:00Z");
      assertEquals(big.subList(0, 10), rosters.get(2023, "江苏省", "淮安市").orElseThrow().entries());
      assertEquals(2, items(local, "ROSTER#2023#江苏省#淮安市"), "the parts left over are deleted");
      assertTrue(rosters.get(2023, "江苏省", null).isEmpty(), "a province's roster is another");

      ReportWriter writer = new ReportWriter(new ReportStore(local.dynamo, local.table));
      GeneratedReports gen = new GeneratedReports(3);
      GeneratedReports.Place hongze = GeneratedReports.PLACES.get(6);
      for (int i = 0; i < 4; i++) {
        var report = gen.report(i < 3 ? hongze : GeneratedReports.PLACES.get(0), GeneratedReports.BODIES.get(i), 2023, i);
        if (i == 0) {
          report = report.withDated(new PrintedDate("2024-02-02", "落款", "2024年2月2日"));
        }
        writer.store(report, new UploadedObject(GeneratedReports.BUCKET, "uploads/" + i + ".txt", "v" + i, "e" + i,
            1000L, String.format("%016X", i + 1), GeneratedReports.T0.plusSeconds(i)));
      }
      List<ReportFacts> reports = rosters.reports(2023, "江苏省", "淮安市");
      assertEquals(3, reports.size());
      assertTrue(reports.stream().allMatch(r -> "320813".equals(r.regionCode())), reports.toString());
      assertEquals(1, reports.stream().filter(r -> "2024-02-02".equals(r.dated()) && "落款".equals(r.datedKind()))
          .count());
      assertEquals(3, rosters.reports(2023, "江苏省", null).size());
      assertEquals(0, rosters.reports(2022, "江苏省", null).size());
    }
  }

  private static int items(LocalTable local, String pk) {
    return local.dynamo.query(q -> q.tableName(local.table).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).count();
  }
}

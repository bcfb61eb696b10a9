package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.store.Summary;
import nianbao.store.item.Keys;
import nianbao.store.item.ProcessingVersion;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reports stored before reading notes had a severity of their own (rules/1, where every S2 finding was a
 * warning) are brought up to date by what an operator runs after deploying: {@code reprocess}, then
 * {@code rebuildSummaries}, both through the real handler on DynamoDB Local and s3proxy.
 */
class ReadingNotesUpgradeTest {
  private static final String OLD_RULES = "rules/1";

  /** What rules/1 stored: the same reading, with every reading note counted as a warning. */
  private static final ReportParser RULES_1 = (bytes, name) -> {
    Report r = ReportReader.read(bytes, name);
    return r.withFindings(r.findings().stream().map(f -> f.severity() != Severity.NOTE ? f
        : new Finding(f.rule(), Severity.WARNING, f.location(), f.message(), f.expected(), f.actual())).toList());
  };

  @Test
  void reprocessAndRebuildSplitTheStoredWarningsIntoWarningsAndReadingNotes() throws Exception {
    // GIVEN the five seeds stored by rules/1: 40 warnings, 39 of them S2, and no notes
    Backend.Local backend = Backend.Local.shared();
    Harness old = new Harness(backend, backend.dynamo(), RULES_1);
    old.deliverSeeds();
    markStoredBy(old, OLD_RULES);
    Summary before = old.store.summary(null, null, null);
    assertEquals(40, before.count("warnings"));
    assertEquals(0, before.count("notes"));
    assertEquals(39, before.findingsByRule().get("S2"));
    assertEquals(java.util.Map.of(), before.notesByRule());
    List<String> statuses = old.heads().stream().map(h -> h.reportId() + " " + h.status()).sorted().toList();

    // WHEN the deployed code (rules/2) re-processes them and rebuilds the summaries, as the CLI invokes it
    OperationsHandler current = new OperationsHandler(old.ingestWith(ReportParser.CORE), backend::sqs, null);
    String reprocessed = invoke(current, "{\"action\":\"reprocess\"}");
    assertTrue(reprocessed.contains("\"reprocessed\":5") && reprocessed.contains("\"cursor\":null"), reprocessed);
    String rebuilt = invoke(current, "{\"action\":\"rebuildSummaries\"}");
    assertTrue(rebuilt.contains("\"reports\":5"), rebuilt);

    // THEN the summaries count 14 warnings (13 rows printing only a total, one copied place name) and 26
    // reading notes apart; no report changed status; every head, version and rule item says the same
    Summary after = old.store.summary(null, null, null);
    assertEquals(14, after.count("warnings"));
    assertEquals(26, after.count("notes"));
    assertEquals(39, after.findingsByRule().get("S2"));
    assertEquals(java.util.Map.of("S2", 26L), after.notesByRule());
    assertEquals(before.byStatus(), after.byStatus());
    assertEquals(statuses, old.heads().stream().map(h -> h.reportId() + " " + h.status()).sorted().toList());
    for (ReportHead head : old.heads()) {
      assertEquals(ReportReader.RULES_VERSION, head.rulesVersion());
      var version = old.store.version(head.reportId(), head.currentSha()).orElseThrow();
      assertEquals(List.of(head.errors(), head.warnings(), head.notes()),
          List.of(version.errors(), version.warnings(), version.notes()), head.reportId());
      long notes = old.store.body(version).findings().stream().filter(f -> f.severity() == Severity.NOTE).count();
      assertEquals(notes, head.notes(), head.reportId());
    }
    old.assertSummariesExact();
  }

  /** Rewrites the processing version of every stored head and version, as an older deployment wrote them. */
  static void markStoredBy(Harness h, String rulesVersion) {
    for (ReportHead head : h.heads()) {
      String procKey = ProcessingVersion.key(rulesVersion, head.reader(), head.kind(), head.format());
      h.dynamo.updateItem(r -> r.tableName(h.table).key(key(head.pk(), Keys.HEAD))
          .updateExpression("SET rulesVersion = :r, procKey = :p")
          .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(rulesVersion), ":p",
              AttributeValue.fromS(procKey))));
      h.dynamo.updateItem(r -> r.tableName(h.table).key(key(head.pk(), Keys.version(head.currentSha())))
          .updateExpression("SET rulesVersion = :r")
          .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(rulesVersion))));
      h.dynamo.updateItem(r -> r.tableName(h.table).key(key(Keys.summary(null, null, null), Keys.SUMMARY))
          .updateExpression("ADD procKeys :p")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromSs(List.of(procKey)))));
    }
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk));
  }

  static String invoke(RequestStreamHandler handler, String event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))) {
      handler.handleRequest(in, out, null);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

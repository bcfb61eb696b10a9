package nianbao.ingest.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import nianbao.ingest.Ingest;
import org.junit.jupiter.api.Test;

/**
 * What the operations function says to requests it cannot carry out. None of these reach a store or a queue, so
 * the handler runs on an Ingest without one and no SQS client: a test that touched them would fail.
 */
class OperationsRequestTest {
  private final OperationsHandler handler = new OperationsHandler(new Ingest(null, null, null, null, 0), () -> {
    throw new AssertionError("no SQS client is asked for");
  }, null);

  private String invoke(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBatchSizeThatIsNoNumberIsNamedInTheError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> invoke("{\"action\":\"reprocess\",\"batchSize\":\"many\"}"));
    assertEquals("batchSize must be a whole number, not many", e.getMessage());
  }

  @Test
  void redriveWithoutAQueueSaysWhichSettingIsMissing() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> invoke("{\"action\":\"redrive\"}"));
    assertEquals("DEAD_LETTER_QUEUE_URL is not set", e.getMessage());
  }

  @Test
  void anUnknownActionIsNamedWithTheOnesThereAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> invoke("{\"action\":\"rebuild-summaries\"}"));
    assertEquals("unknown action \"rebuild-summaries\": the operations function does reprocess, redrive or "
        + "rebuildSummaries (S3 events go to the upload function)", e.getMessage());
  }

  @Test
  void anS3EventIsRefusedRatherThanIgnored() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> invoke("{\"Records\":[{\"eventSource\":\"aws:s3\"}]}"));
    assertTrue(e.getMessage().startsWith("no \"action\""), e.getMessage());
  }
}

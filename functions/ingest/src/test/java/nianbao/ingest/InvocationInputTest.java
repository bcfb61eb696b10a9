package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the upload function does with invocations that are not a usable S3 event. None of these reach a store, so
 * the handler runs on an Ingest without one: a test that touched it would fail.
 */
class InvocationInputTest {
  private final IngestHandler handler = new IngestHandler(new Ingest(null, null, null, null, 0));

  private String invoke(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void s3sTestEventAndAnEmptyInvocationHaveNoRecords() throws Exception {
    assertEquals("{\"records\":[]}", invoke("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\","
        + "\"Time\":\"2023-01-31T08:00:00.000Z\",\"Bucket\":\"reports\"}"));
    assertEquals("{\"records\":[]}", invoke(""));
    assertEquals("{\"records\":[]}", invoke("{\"Records\":\"not a list\"}"));
  }

  @Test
  void recordsFromAnotherServiceAreLeftAlone() throws Exception {
    assertEquals("{\"records\":[]}", invoke("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}"));
  }

  @Test
  void malformedJsonFailsTheInvocationSoLambdaRetriesItAndKeepsItInTheDeadLetterQueue() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> invoke("{\"Records\":[{"));
    assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
  }

  @Test
  void anOperatorsActionSentToTheUploadFunctionSaysWhereItBelongs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> invoke("{\"action\":\"reprocess\"}"));
    assertTrue(e.getMessage().contains("operations function"), e.getMessage());
  }
}

package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import nianbao.ingest.operations.Redriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The suite against moto_server (what LocalStack is built on), skipped only where moto_server is not installed. */
class IngestOnMotoTest extends IngestSuite {
  private static Backend.Moto backend;

  @BeforeAll
  static void start() throws Exception {
    backend = Backend.Moto.startIfInstalled();
    assumeTrue(backend != null, "moto_server is not installed");
  }

  @AfterAll
  static void stop() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Override
  Backend backend() {
    return backend;
  }

  @Test
  void theDeadLetterQueueIsRedrivenThroughIngest() {
    // GIVEN an upload whose event ended in the on-failure destination (the invocation record Lambda writes)
    Harness h = harness();
    SqsClient sqs = backend.sqs();
    String queue = sqs.createQueue(r -> r.queueName("dlq-" + h.table)).queueUrl();
    Harness.Uploaded u = h.upload("uploads/failed.txt", Seeds.bytes(Seeds.XINXIANG_2022));
    String event = new String(Harness.createdEvent(h.bucket, u), StandardCharsets.UTF_8);
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"version\":\"1.0\",\"timestamp\":\"2026-01-01T00:00:00Z\","
        + "\"requestContext\":{\"condition\":\"RetriesExhausted\",\"approximateInvokeCount\":3},"
        + "\"requestPayload\":" + event + ",\"responseContext\":{\"statusCode\":200,\"functionError\":\"Unhandled\"}}"));
    // WHEN it is redriven
    Redriver.Progress p = new Redriver(sqs, h.ingest).run(queue, () -> true);
    // THEN the report is stored and the queue is empty
    assertEquals(1, p.redriven());
    assertEquals(1, h.heads().size());
    assertEquals(0, sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(0)).messages().size());
    h.assertSummariesExact();
  }
}

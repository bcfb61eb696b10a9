package nianbao.ingest.operations;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import nianbao.core.json.JsonTree;
import nianbao.ingest.Ingest;
import nianbao.ingest.S3Notification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Sends what sits in the dead-letter queue back through ingest. A message is the on-failure destination's
 * invocation record ({@code requestPayload} holds the original S3 event) or, from a plain Lambda DLQ, the event
 * itself. A message is deleted only once its records are ingested; one that fails again stays in the queue.
 */
public final class Redriver {
  private static final Logger LOG = Logger.getLogger(Redriver.class.getName());

  private final SqsClient sqs;
  private final Ingest ingest;

  public Redriver(SqsClient sqs, Ingest ingest) {
    this.sqs = sqs;
    this.ingest = ingest;
  }

  public record Progress(int received, int redriven, int failed) {}

  public Progress run(String queueUrl, BooleanSupplier keepGoing) {
    int received = 0;
    int redriven = 0;
    int failed = 0;
    while (keepGoing.getAsBoolean()) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(1).visibilityTimeout(300)).messages();
      if (messages.isEmpty()) {
        break;
      }
      for (Message m : messages) {
        received++;
        try {
          ingest.handle(S3Notification.parse(event(m.body())));
          sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
          redriven++;
        } catch (RuntimeException e) {
          failed++;
          LOG.log(Level.WARNING, "redrive of message " + m.messageId() + " failed; it stays in the queue", e);
        }
      }
    }
    return new Progress(received, redriven, failed);
  }

  /** The S3 event inside a dead-letter message. */
  static Object event(String body) {
    try {
      Object message = JsonTree.read(body);
      Object payload = JsonTree.member(message, "requestPayload");
      return payload != null ? payload : message;
    } catch (java.io.UncheckedIOException e) {
      throw new IllegalArgumentException("dead-letter message is not JSON", e);
    }
  }
}

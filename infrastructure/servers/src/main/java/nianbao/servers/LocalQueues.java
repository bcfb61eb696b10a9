package nianbao.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQS queues, enough of SQS for a dead-letter queue: the JSON protocol's CreateQueue, SendMessage, ReceiveMessage
 * (with visibility timeout), DeleteMessage, GetQueueUrl, GetQueueAttributes, ListQueues and PurgeQueue, so the
 * operations function's redrive and the AWS CLI work against them. The local stack serves them beside Lambda's
 * Invoke API, tests on an endpoint of their own ({@link LocalSqs}). Messages are kept in a folder (one JSON file
 * per queue) unless it is null.
 */
public final class LocalQueues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Message {
    String id;
    String body;
    long sentAt;
    long invisibleUntil;
    String receipt;
  }

  private final Path folder;
  private final String baseUrl;
  private final Map<String, List<Message>> queues = new LinkedHashMap<>();

  /**
   * @param folder  where messages are kept, or null for memory only
   * @param baseUrl the endpoint the queues' URLs begin with
   */
  public LocalQueues(Path folder, String baseUrl) {
    this.folder = folder;
    this.baseUrl = baseUrl;
  }

  /** Creates a queue (keeping what a previous run left in it). */
  public synchronized void create(String name) {
    List<Message> messages = new ArrayList<>();
    Path file = file(name);
    if (file != null && Files.exists(file)) {
      try {
        for (JsonNode m : JSON.readTree(file.toFile())) {
          Message message = new Message();
          message.id = m.path("id").asText();
          message.body = m.path("body").asText();
          message.sentAt = m.path("sentAt").asLong();
          messages.add(message);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read queue " + file, e);
      }
    }
    queues.putIfAbsent(name, messages);
  }

  public String url(String name) {
    return baseUrl + "/000000000000/" + name;
  }

  public synchronized void send(String name, String body) {
    Message message = new Message();
    message.id = UUID.randomUUID().toString();
    message.body = body;
    message.sentAt = System.currentTimeMillis();
    queue(name).add(message);
    save(name);
  }

  public synchronized int depth(String name) {
    return queue(name).size();
  }

  /** One SQS JSON-protocol call ({@code X-Amz-Target: AmazonSQS.<action>}); the response document. */
  public synchronized ObjectNode call(String action, JsonNode request) {
    ObjectNode response = JSON.createObjectNode();
    switch (action) {
      case "CreateQueue" -> {
        create(request.path("QueueName").asText());
        response.put("QueueUrl", url(request.path("QueueName").asText()));
      }
      case "ListQueues" -> {
        ArrayNode urls = response.putArray("QueueUrls");
        queues.keySet().forEach(n -> urls.add(url(n)));
      }
      case "GetQueueUrl" -> response.put("QueueUrl", url(name(request.path("QueueName").asText(), true)));
      case "SendMessage" -> {
        String name = name(request.path("QueueUrl").asText(), false);
        send(name, request.path("MessageBody").asText());
        List<Message> q = queue(name);
        response.put("MessageId", q.get(q.size() - 1).id).put("MD5OfMessageBody", md5(request.path("MessageBody").asText()));
      }
      case "ReceiveMessage" -> {
        List<Message> q = queue(name(request.path("QueueUrl").asText(), false));
        int max = Math.max(1, request.path("MaxNumberOfMessages").asInt(1));
        long visibility = request.path("VisibilityTimeout").asLong(30) * 1000;
        long now = System.currentTimeMillis();
        ArrayNode out = JSON.createArrayNode();
        for (Message m : q) {
          if (out.size() < max && m.invisibleUntil <= now) {
            m.invisibleUntil = now + visibility;
            m.receipt = UUID.randomUUID().toString();
            out.addObject().put("MessageId", m.id).put("ReceiptHandle", m.receipt).put("Body", m.body)
                .put("MD5OfBody", md5(m.body));
          }
        }
        if (!out.isEmpty()) {
          response.set("Messages", out);
        }
      }
      case "DeleteMessage" -> {
        String name = name(request.path("QueueUrl").asText(), false);
        String receipt = request.path("ReceiptHandle").asText();
        queue(name).removeIf(m -> receipt.equals(m.receipt));
        save(name);
      }
      case "PurgeQueue" -> {
        String name = name(request.path("QueueUrl").asText(), false);
        queue(name).clear();
        save(name);
      }
      case "GetQueueAttributes" -> {
        String name = name(request.path("QueueUrl").asText(), false);
        long now = System.currentTimeMillis();
        long visible = queue(name).stream().filter(m -> m.invisibleUntil <= now).count();
        response.putObject("Attributes")
            .put("ApproximateNumberOfMessages", Long.toString(visible))
            .put("ApproximateNumberOfMessagesNotVisible", Long.toString(queue(name).size() - visible))
            .put("QueueArn", "arn:aws:sqs:us-east-1:000000000000:" + name); // the local stack's region and account
      }
      default -> throw new UnsupportedOperationException(action);
    }
    return response;
  }

  /** A queue's name from its URL (or its name). */
  private String name(String urlOrName, boolean isName) {
    String name = isName ? urlOrName : urlOrName.substring(urlOrName.lastIndexOf('/') + 1);
    if (!queues.containsKey(name)) {
      throw new IllegalArgumentException("QueueDoesNotExist: " + urlOrName);
    }
    return name;
  }

  private List<Message> queue(String name) {
    List<Message> q = queues.get(name);
    if (q == null) {
      throw new IllegalArgumentException("QueueDoesNotExist: " + name);
    }
    return q;
  }

  private Path file(String name) {
    return folder == null ? null : folder.resolve(name + ".json");
  }

  private void save(String name) {
    Path file = file(name);
    if (file == null) {
      return;
    }
    ArrayNode all = JSON.createArrayNode();
    for (Message m : queue(name)) {
      all.addObject().put("id", m.id).put("body", m.body).put("sentAt", m.sentAt);
    }
    try {
      Files.createDirectories(folder);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, all.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write queue " + file, e);
    }
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

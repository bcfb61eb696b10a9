package nianbao.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code .nianbao/stack.json}: the running local stack's addresses and resource names, written when it is ready
 * and removed when it stops, so that {@code ./nianbao upload}, {@code reprocess}, {@code redrive} and {@code rebuild-summaries} find it.
 */
public final class StackInfo {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FILE = "stack.json";

  private StackInfo() {}

  static void write(Path dir, TemplateRunner stack) {
    ObjectNode info = JSON.createObjectNode();
    info.put("pid", ProcessHandle.current().pid());
    info.put("region", stack.region());
    info.put("page", stack.pageUrl());
    info.put("api", stack.apiUrl());
    info.put("s3", stack.s3Endpoint());
    info.put("dynamodb", stack.dynamoEndpoint());
    info.put("lambda", stack.servicesEndpoint());
    info.put("sqs", stack.servicesEndpoint());
    info.put("bucket", stack.reportsBucket());
    info.put("table", stack.table());
    var functions = info.putArray("functions");
    stack.functionNames().forEach(functions::add);
    var byLogicalId = info.putObject("functionsByLogicalId");
    stack.functionsByLogicalId().forEach(byLogicalId::put);
    var queues = info.putObject("queues");
    stack.queueUrls().forEach(queues::put);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(FILE), info.toPrettyString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void remove(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE));
    } catch (IOException ignored) {
      // a stale file is detected by its pid
    }
  }

  /** The running stack's description, if one runs with its state in {@code dir}. */
  public static Optional<JsonNode> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode info = JSON.readTree(file.toFile());
      boolean alive = ProcessHandle.of(info.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
      return alive ? Optional.of(info) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

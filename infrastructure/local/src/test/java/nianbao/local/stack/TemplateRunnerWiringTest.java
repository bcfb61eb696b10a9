package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nianbao.servers.LoopbackHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local stack's machinery on a small template of its own (SAM events, Globals, an on-failure queue) and two
 * test handlers: HTTP API routes and payload 2.0 events, S3 notifications with key filters, Lambda's retries
 * and on-failure record, Lambda Invoke and SQS through the real AWS CLI.
 */
class TemplateRunnerWiringTest {
  static final Path ROOT = Path.of(System.getProperty("nianbao.root", "../.."));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TemplateRunner stack;

  @BeforeAll
  static void start() throws Exception {
    Path template = Path.of(TemplateRunnerWiringTest.class.getResource("/stack/test-template.yaml").toURI());
    stack = TemplateRunner.start(StackOptions.throwaway(ROOT, template).stackName("wiring"));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aRouteWithParametersGetsAPayloadTwoEventAndItsResponseIsPassedThrough() {
    // WHEN a request matches the explicit route GET /items/{id}
    HttpResponse<String> response = Http.send(HttpRequest.newBuilder(
        URI.create(stack.apiUrl() + "/items/%E6%8A%A5%E5%91%8A?x=1&x=2&name=%E4%B8%AD+%E6%96%87"))
        .header("Cookie", "a=1; b=2").GET());
    // THEN the function saw the event API Gateway builds
    assertEquals(200, response.statusCode());
    assertEquals("yes", response.headers().firstValue("x-echo").orElse(null));
    assertEquals("seen=1; Path=/", response.headers().firstValue("set-cookie").orElse(null));
    JsonNode seen = Http.json(response);
    assertEquals("2.0", seen.path("version").asText());
    assertEquals("GET /items/{id}", seen.path("routeKey").asText());
    assertEquals("/items/%E6%8A%A5%E5%91%8A", seen.path("rawPath").asText());
    assertEquals("报告", seen.path("pathParameters").path("id").asText());
    assertEquals("1,2", seen.path("queryStringParameters").path("x").asText());
    assertEquals("中 文", seen.path("queryStringParameters").path("name").asText());
    assertEquals("[\"a=1\",\"b=2\"]", seen.path("cookies").toString());
    assertEquals("wiring-seen", seen.path("tableName").asText(), "the template's environment");
    assertEquals("wiring-Echo", seen.path("functionName").asText());
    assertTrue(seen.path("remainingMillis").asInt() > 5000, "Timeout from Globals");
    assertTrue(seen.path("claims").isNull(), "no authorizer on this route");
  }

  @Test
  void everythingElseGoesToTheDefaultRouteAndProtectedRoutesCarryTheLocalUsersClaims() {
    JsonNode other = Http.json(Http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/teapot"))
        .method("DELETE", HttpRequest.BodyPublishers.noBody())));
    assertEquals("$default", other.path("routeKey").asText());
    assertEquals(418, Http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/teapot")).GET()).statusCode());
    // a response over Lambda's 6 MB limit fails as it would in AWS
    assertEquals(500, Http.get(stack.apiUrl() + "/big").statusCode());

    HttpResponse<String> upload = Http.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/uploads"))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 0xff})));
    JsonNode seen = Http.json(upload);
    assertEquals("POST /uploads", seen.path("routeKey").asText());
    assertEquals("local", seen.path("claims").path("cognito:username").asText());
    assertEquals("[admin]", seen.path("claims").path("cognito:groups").asText(), "the local user is an administrator");
    assertTrue(seen.path("isBase64Encoded").asBoolean(), "binary bodies arrive base64-encoded");
    assertEquals("AAEC/w==", seen.path("body").asText());
  }

  @Test
  void s3EventsReachTheFunctionThroughItsAliasAsS3ShapesThem() {
    S3Client s3 = stack.s3Client();
    // WHEN two objects are written, one outside the event's prefix filter
    s3.putObject(r -> r.bucket("wiring-uploads").key("in/报告 1+1.txt"), RequestBody.fromString("hello"));
    s3.putObject(r -> r.bucket("wiring-uploads").key("elsewhere/x.txt"), RequestBody.fromString("hello"));
    // THEN only the first is delivered, with its key URL-encoded as S3 encodes it
    try (DynamoDbClient dynamo = stack.dynamoClient()) {
      Map<String, AttributeValue> item = awaitItem(dynamo, "in/报告 1+1.txt");
      JsonNode record = JSON.readTree(item.get("record").s());
      assertEquals("ObjectCreated:Put", record.path("eventName").asText());
      assertEquals("in/%E6%8A%A5%E5%91%8A+1%2B1.txt", record.path("s3").path("object").path("key").asText());
      assertEquals(5, record.path("s3").path("object").path("size").asInt());
      assertTrue(item.get("arn").s().endsWith(":function:wiring-Recorder:live"), item.get("arn").s());
      stack.awaitEvents(java.time.Duration.ofSeconds(30));
      assertEquals(1, dynamo.scan(r -> r.tableName("wiring-seen")).count());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFailingEventIsRetriedThenLandsInTheQueueWhereTheAwsCliReadsIt() throws Exception {
    stack.s3Client().putObject(r -> r.bucket("wiring-uploads").key("in/fail.txt"), RequestBody.fromString("x"));
    stack.awaitEvents(java.time.Duration.ofSeconds(60));
    String queueUrl = stack.queueUrls().get("wiring-failed");
    JsonNode received = JSON.readTree(AwsCli.run(stack.servicesEndpoint(), "sqs", "receive-message",
        "--queue-url", queueUrl, "--max-number-of-messages", "10"));
    assertEquals(1, received.path("Messages").size(), received.toString());
    JsonNode record = JSON.readTree(received.path("Messages").get(0).path("Body").asText());
    assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
    assertEquals(2, record.path("requestContext").path("approximateInvokeCount").asInt(), "MaximumRetryAttempts 1");
    assertEquals("in/fail.txt", record.path("requestPayload").path("Records").get(0).path("s3").path("object")
        .path("key").asText());
    assertEquals("java.lang.IllegalStateException", record.path("responsePayload").path("errorType").asText());
  }

  @Test
  void theAwsCliInvokesAFunctionThroughTheLambdaEndpoint() throws Exception {
    Path out = java.nio.file.Files.createTempFile("invoke", ".json");
    // fileb:// passes the bytes as they are in AWS CLI v1 and v2 alike
    Path payload = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("payload", ".json"),
        "{\"version\":\"2.0\",\"rawPath\":\"/x\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
    String meta = AwsCli.run(stack.servicesEndpoint(), "lambda", "invoke", "--function-name", "wiring-Echo",
        "--payload", "fileb://" + payload, out.toString());
    assertEquals(200, JSON.readTree(meta).path("StatusCode").asInt());
    JsonNode response = JSON.readTree(java.nio.file.Files.readString(out));
    assertEquals(200, response.path("statusCode").asInt(), response.toString());
  }

  @Test
  void aFunctionNoEventReachesStartsAtItsFirstInvocation() throws Exception {
    // GIVEN a running stack whose function Operator has neither S3 events nor routes
    LocalFunction operator = stack.function("wiring-Operator");
    assertEquals(false, operator.started(), "not started with the stack");
    // WHEN the AWS CLI invokes it THEN it starts and answers, as a cold Lambda function would
    Path out = java.nio.file.Files.createTempFile("invoke", ".json");
    Path payload = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("payload", ".json"),
        "{\"version\":\"2.0\",\"rawPath\":\"/x\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}");
    String meta = AwsCli.run(stack.servicesEndpoint(), "lambda", "invoke", "--function-name", "wiring-Operator",
        "--payload", "fileb://" + payload, out.toString());
    assertEquals(200, JSON.readTree(meta).path("StatusCode").asInt(), meta);
    assertEquals("wiring-Operator", JSON.readTree(JSON.readTree(java.nio.file.Files.readString(out)).path("body")
        .asText()).path("functionName").asText());
    assertTrue(operator.started());
  }

  private static Map<String, AttributeValue> awaitItem(DynamoDbClient dynamo, String key) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      var item = dynamo.getItem(r -> r.tableName("wiring-seen").key(Map.of("pk", AttributeValue.fromS(key)))).item();
      if (item != null && !item.isEmpty()) {
        return item;
      }
      Http.sleep(50);
    }
    throw new AssertionError("the function never recorded " + key);
  }

  @Test
  void everyServiceListensOnLoopbackOnly() throws Exception {
    // GIVEN this machine's addresses other than loopback (a test machine without a network has nothing to check)
    List<InetAddress> network = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLinkLocalAddress()).forEach(network::add);
      }
    }
    Assumptions.assumeFalse(network.isEmpty(), "no network address to reach the services from");
    // THEN the page, the HTTP API, S3, DynamoDB Local and the Lambda/SQS endpoint answer on 127.0.0.1 and nowhere else
    Map<String, String> services = Map.of("page", stack.pageOrigin(), "api", stack.apiUrl(), "s3", stack.s3Endpoint(),
        "dynamodb", stack.dynamoEndpoint(), "lambda/sqs", stack.servicesEndpoint());
    for (Map.Entry<String, String> service : services.entrySet()) {
      int port = URI.create(service.getValue()).getPort();
      assertTrue(connects(InetAddress.getLoopbackAddress(), port), service.getKey() + " on loopback");
      for (InetAddress address : network) {
        assertFalse(connects(address, port), service.getKey() + " must not listen on " + address + ":" + port);
      }
    }
  }

  @Test
  void slowSendersAreCutOffAndCannotHoldEveryGatewayThread() throws Exception {
    // GIVEN more clients than the gateway has threads, each declaring a body of 1,000 bytes and sending 7
    int port = URI.create(stack.apiUrl()).getPort();
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write(("POST /uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 1000\r\n\r\nslowbod").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.setSoTimeout((LoopbackHttpServer.MAX_REQUEST_SECONDS + 10) * 1000);
        slow.add(socket);
      }
      // WHEN another client asks for something, a little later (the server checks its deadlines once a second)
      Thread.sleep(2000);
      // THEN it is answered: the slow requests are cut off after their time, and the threads freed
      HttpResponse<String> teapot = Http.get(stack.apiUrl() + "/teapot");
      assertEquals(418, teapot.statusCode());
      // AND every slow sender's connection was closed without its request reaching the function
      for (Socket socket : slow) {
        String rest;
        try {
          rest = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException reset) {
          rest = ""; // closed by the server, as a reset
        }
        assertFalse(rest.startsWith("HTTP/1.1 200"), rest);
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aRequestLineTheServerCannotParseIsAnsweredWithProblemJsonNotAnHtmlPage() throws Exception {
    // issue 17.9: the JDK's server answered /reports/%zz with "<h1>400 Bad Request</h1>URISyntaxException thrown"
    int port = URI.create(stack.apiUrl()).getPort();
    for (String target : List.of("/teapot/%zz", "/teapot/a%", "/teapot/%E4%B8", "/teapot/x|y")) {
      String answer = raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 400"), target + ": " + answer);
      assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
          target + ": " + answer);
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      JsonNode problem = new ObjectMapper().readTree(body);
      assertEquals(400, problem.path("status").asInt(), body);
      assertEquals("urn:nianbao:problem:bad-request", problem.path("type").asText(), body);
    }
    // a malformed escape in the query reaches the function, as API Gateway passes it on: the API judges it
    String query = raw(port, "GET /teapot?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(query.startsWith("HTTP/1.1 418"), query);
  }

  private static String raw(int port, String request) throws java.io.IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}

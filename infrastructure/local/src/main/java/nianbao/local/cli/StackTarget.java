package nianbao.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import nianbao.core.settings.Settings;
import nianbao.local.stack.StackInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the commands upload and which function runs an operator's actions (template.yaml's
 * {@code OperationsFunction}): the running local stack (its {@code .nianbao/stack.json}), or,
 * with {@code --stack NAME} or {@code NIANBAO_STACK}, a deployed stack found through CloudFormation's outputs,
 * reached with the usual AWS settings (profile, region, credentials; {@code AWS_ENDPOINT_URL_*} overrides).
 */
record StackTarget(String description, String region, AwsCredentialsProvider credentials, URI s3Endpoint,
    URI dynamoEndpoint, URI lambdaEndpoint, String bucket, String table, String operationsFunction) {
  /** The operations function's logical id in template.yaml. */
  static final String OPERATIONS = "OperationsFunction";

  /** Thrown with a message for the user when no target can be found. */
  static final class NoTargetException extends Exception {
    NoTargetException(String message) {
      super(message);
    }
  }

  static StackTarget resolve(Path stateDir, String stackName) throws NoTargetException {
    String name = stackName != null ? stackName : Settings.system().get("NIANBAO_STACK").orElse(null);
    if (name != null && !name.isBlank()) {
      return aws(name);
    }
    JsonNode info = StackInfo.read(stateDir).orElseThrow(() -> new NoTargetException(
        "没有正在运行的本地栈（" + stateDir.resolve("stack.json") + "）：先运行 ./nianbao serve，"
            + "或用 --stack 名称 / NIANBAO_STACK 指向 AWS 上部署的栈 (no local stack running)"));
    return new StackTarget("本地栈 " + info.path("page").asText(), info.path("region").asText(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
        URI.create(info.path("s3").asText()), URI.create(info.path("dynamodb").asText()),
        URI.create(info.path("lambda").asText()), info.path("bucket").asText(), info.path("table").asText(),
        info.path("functionsByLogicalId").path(OPERATIONS).asText(null));
  }

  /** A deployed stack: its outputs name the bucket, the table and the operations function. */
  private static StackTarget aws(String stackName) throws NoTargetException {
    String region = new DefaultAwsRegionProviderChain().getRegion().id();
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    Map<String, String> outputs = outputs(stackName, region, credentials);
    for (String key : new String[] {"ReportsBucketName", "ReportsTableName", "OperationsFunctionName"}) {
      if (!outputs.containsKey(key)) {
        throw new NoTargetException("栈 " + stackName + " 没有输出 " + key + "（用当前的 template.yaml 重新部署）");
      }
    }
    return new StackTarget("AWS 栈 " + stackName + "（" + region + "）", region, credentials,
        endpoint("S3"), endpoint("DynamoDb"), endpointOr("Lambda", "https://lambda." + region + ".amazonaws.com"),
        outputs.get("ReportsBucketName"), outputs.get("ReportsTableName"), outputs.get("OperationsFunctionName"));
  }

  static Map<String, String> outputs(String stackName, String region, AwsCredentialsProvider credentials)
      throws NoTargetException {
    URI uri = endpointOr("CloudFormation", "https://cloudformation." + region + ".amazonaws.com");
    byte[] body = ("Action=DescribeStacks&Version=2010-05-15&StackName="
        + URLEncoder.encode(stackName, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    try {
      HttpResponse<byte[]> response = new SignedRequests(credentials, region).post(uri, "cloudformation",
          Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), body, Duration.ofSeconds(30));
      if (response.statusCode() != 200) {
        throw new NoTargetException("CloudFormation 找不到栈 " + stackName + "：HTTP " + response.statusCode() + " "
            + SignedRequests.text(response));
      }
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
      Map<String, String> outputs = new HashMap<>();
      NodeList members = xml.getElementsByTagName("member");
      for (int i = 0; i < members.getLength(); i++) {
        Element member = (Element) members.item(i);
        NodeList key = member.getElementsByTagName("OutputKey");
        NodeList value = member.getElementsByTagName("OutputValue");
        if (key.getLength() == 1 && value.getLength() == 1) {
          outputs.put(key.item(0).getTextContent(), value.item(0).getTextContent());
        }
      }
      return outputs;
    } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new NoTargetException("无法读取栈 " + stackName + " 的输出：" + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoTargetException("interrupted");
    }
  }

  /** The SDK's endpoint override for a service ({@link Settings#awsEndpoint}), or null for AWS's own. */
  static URI endpoint(String service) {
    return Settings.system().awsEndpoint(service).map(URI::create).orElse(null);
  }

  static URI endpointOr(String service, String fallback) {
    URI uri = endpoint(service);
    return uri != null ? uri : URI.create(fallback);
  }

  S3Client s3() {
    var builder = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create());
    if (s3Endpoint != null) {
      builder.endpointOverride(s3Endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  DynamoDbClient dynamo() {
    var builder = DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create());
    if (dynamoEndpoint != null) {
      builder.endpointOverride(dynamoEndpoint);
    }
    return builder.build();
  }

  /** Invokes the operations function synchronously with {@code payload}; its response document. */
  String invokeOperations(String payload) throws IOException, InterruptedException {
    URI uri = URI.create(lambdaEndpoint + "/2015-03-31/functions/"
        + URLEncoder.encode(operationsFunction, StandardCharsets.UTF_8) + "/invocations");
    HttpResponse<byte[]> response = new SignedRequests(credentials, region).post(uri, "lambda",
        Map.of("Content-Type", "application/json", "X-Amz-Invocation-Type", "RequestResponse"),
        payload.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(16));
    String text = SignedRequests.text(response);
    if (response.statusCode() != 200 || response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
      throw new IOException("函数 " + operationsFunction + " 出错（HTTP " + response.statusCode() + "）：" + text);
    }
    return text;
  }
}

package nianbao.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nianbao.servers.LocalS3;
import nianbao.servers.LoopbackHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The publish step of "Deploy to AWS", against stand-ins: a CloudFormation endpoint that answers DescribeStacks
 * with the template's outputs, and s3proxy as the site bucket. What is checked is what AWS would receive.
 */
class PublishCommandTest {
  @TempDir
  Path dist;

  @Test
  void publishCopiesThePageAndWritesConfigFromTheStacksOutputs() throws Exception {
    Files.writeString(dist.resolve("index.html"), "<!doctype html><title>年报</title>");
    Files.createDirectories(dist.resolve("assets"));
    Files.writeString(dist.resolve("assets/index-3f2a9c.js"), "console.log(1)");
    Files.writeString(dist.resolve("config.json"), "{\"apiBase\":\"http://127.0.0.1:4401\"}");
    AtomicReference<String> authorization = new AtomicReference<>();
    HttpServer cloudFormation = LoopbackHttpServer.create(0, 5);
    cloudFormation.createContext("/", exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = describeStacks(Map.of("SiteBucketName", "nianbao-site-123", "ApiUrl",
          "https://abc.execute-api.ap-east-1.amazonaws.com/", "SiteUrl", "https://d1.cloudfront.net/",
          "SignInDomain", "nianbao-123.auth.ap-east-1.amazoncognito.com", "UserPoolClientId", "client1"))
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    cloudFormation.start();
    Map<String, String> settings = Map.of("aws.region", "ap-east-1", "aws.accessKeyId", "test",
        "aws.secretAccessKey", "test",
        "aws.endpointUrlCloudFormation", "http://127.0.0.1:" + cloudFormation.getAddress().getPort());
    try (LocalS3 site = LocalS3.inMemory("ap-east-1")) {
      S3Client s3 = S3Client.builder().endpointOverride(site.endpoint()).region(Region.of("ap-east-1"))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
          .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
      s3.createBucket(r -> r.bucket("nianbao-site-123"));
      settings.forEach(System::setProperty);
      System.setProperty("aws.endpointUrlS3", site.endpoint().toString());
      // WHEN the page is published to the stack
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = Main.run(new String[] {"publish", "--stack", "nianbao", "--dist", dist.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      // THEN the files are in the site bucket with their caching, and config.json points at the deployed API
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      assertTrue(authorization.get().contains("/ap-east-1/cloudformation/aws4_request"), authorization.get());
      var index = s3.headObject(r -> r.bucket("nianbao-site-123").key("index.html"));
      assertEquals("no-cache", index.cacheControl());
      assertTrue(index.contentType().startsWith("text/html"));
      assertEquals("public, max-age=31536000, immutable",
          s3.headObject(r -> r.bucket("nianbao-site-123").key("assets/index-3f2a9c.js")).cacheControl());
      JsonNode config = new ObjectMapper().readTree(
          s3.getObjectAsBytes(r -> r.bucket("nianbao-site-123").key("config.json")).asUtf8String());
      assertEquals("https://abc.execute-api.ap-east-1.amazonaws.com", config.path("apiBase").asText());
      assertEquals("https://nianbao-123.auth.ap-east-1.amazoncognito.com", config.path("auth").path("domain").asText());
      assertEquals("client1", config.path("auth").path("clientId").asText());
      assertEquals("https://d1.cloudfront.net/", config.path("auth").path("redirectUri").asText());
    } finally {
      settings.keySet().forEach(System::clearProperty);
      System.clearProperty("aws.endpointUrlS3");
      cloudFormation.stop(0);
    }
  }

  private static String describeStacks(Map<String, String> outputs) {
    StringBuilder members = new StringBuilder();
    outputs.forEach((k, v) -> members.append("<member><OutputKey>").append(k).append("</OutputKey><OutputValue>")
        .append(v).append("</OutputValue></member>"));
    return "<DescribeStacksResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><DescribeStacksResult>"
        + "<Stacks><member><StackName>nianbao</StackName><Parameters><member><ParameterKey>AllowedOrigin"
        + "</ParameterKey><ParameterValue>*</ParameterValue></member></Parameters><Outputs>" + members
        + "</Outputs></member></Stacks></DescribeStacksResult></DescribeStacksResponse>";
  }

  @Test
  void hashedAssetsAreCachedAndEverythingElseRevalidated() {
    assertEquals("no-cache", PublishCommand.cacheControl("index.html"));
    assertEquals("no-cache", PublishCommand.cacheControl("favicon.svg"));
    assertTrue(PublishCommand.cacheControl("assets/x-1.js").contains("immutable"));
  }
}

package nianbao.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nianbao.core.settings.Settings;
import nianbao.local.stack.ContentTypes;
import nianbao.local.stack.FrontendBuild;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./nianbao publish --stack NAME}: the page of a deployed stack. Builds {@code frontend/} when stale,
 * copies {@code frontend/dist} into the stack's site bucket, and writes {@code config.json} beside index.html from
 * the stack's outputs (API address, hosted sign-in, client id, site URL). Hashed files under {@code assets/} are
 * cached for a year; index.html and config.json are {@code no-cache}, so CloudFront revalidates them at once and
 * no invalidation is needed. Files of earlier builds stay: a browser holding an older index.html still finds its
 * assets.
 */
final class PublishCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;

  PublishCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args, Path root) {
    String stack = Settings.system().get("NIANBAO_STACK").orElse(null);
    Path dist = null;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--stack" -> stack = args.get(++i);
        case "--dist" -> dist = Path.of(args.get(++i));
        default -> {
          err.println("nianbao publish: 未知参数“" + args.get(i) + "”");
          return 64;
        }
      }
    }
    if (stack == null || stack.isBlank()) {
      err.println("用法: ./nianbao publish --stack 名称   （sam deploy 之后；本地栈由 ./nianbao serve 直接提供页面）");
      return 64;
    }
    if (dist == null) {
      dist = FrontendBuild.ensureBuilt(root, err::println);
    }
    if (dist == null || !Files.isRegularFile(dist.resolve("index.html"))) {
      err.println("nianbao publish: 没有构建好的页面（frontend/dist/index.html）");
      return 3;
    }
    String region = new DefaultAwsRegionProviderChain().getRegion().id();
    AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    try {
      Map<String, String> outputs = StackTarget.outputs(stack, region, credentials);
      for (String key : List.of("SiteBucketName", "ApiUrl", "SiteUrl", "SignInDomain", "UserPoolClientId")) {
        if (!outputs.containsKey(key)) {
          err.println("nianbao publish: 栈 " + stack + " 没有输出 " + key + "（用当前的 template.yaml 重新部署）");
          return 3;
        }
      }
      String bucket = outputs.get("SiteBucketName");
      var builder = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
          .httpClient(UrlConnectionHttpClient.create());
      var s3Endpoint = StackTarget.endpoint("S3");
      if (s3Endpoint != null) {
        builder.endpointOverride(s3Endpoint).forcePathStyle(true);
      }
      int count = 0;
      try (S3Client s3 = builder.build(); Stream<Path> files = Files.walk(dist)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String key = dist.relativize(file).toString().replace('\\', '/');
          if (key.equals("config.json")) {
            continue;
          }
          s3.putObject(r -> r.bucket(bucket).key(key).contentType(ContentTypes.of(key))
              .cacheControl(cacheControl(key)), RequestBody.fromFile(file));
          count++;
        }
        s3.putObject(r -> r.bucket(bucket).key("config.json").contentType(ContentTypes.of("config.json"))
            .cacheControl("no-cache"), RequestBody.fromString(config(outputs), StandardCharsets.UTF_8));
      }
      out.println("已发布 " + count + " 个文件和 config.json 到 s3://" + bucket + "/");
      out.println("页面: " + outputs.get("SiteUrl"));
      return 0;
    } catch (StackTarget.NoTargetException | IOException | RuntimeException e) {
      err.println("nianbao publish: " + e.getMessage());
      return 3;
    }
  }

  /** Vite names what it builds under assets/ by content hash: those never change; the rest must be revalidated. */
  static String cacheControl(String key) {
    return key.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
  }

  /** config.json as the page reads it (frontend/src/config.ts). */
  static String config(Map<String, String> outputs) {
    ObjectNode config = JSON.createObjectNode();
    config.put("apiBase", outputs.get("ApiUrl").replaceAll("/+$", ""));
    ObjectNode auth = config.putObject("auth");
    auth.put("domain", "https://" + outputs.get("SignInDomain"));
    auth.put("clientId", outputs.get("UserPoolClientId"));
    auth.put("redirectUri", outputs.get("SiteUrl"));
    auth.putArray("scopes").add("openid").add("email").add("profile");
    return config.toPrettyString();
  }
}

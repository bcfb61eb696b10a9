package nianbao.local.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nianbao.servers.SamTemplate;
import nianbao.servers.TemplateTables;

/**
 * What the local stack builds, read from template.yaml: buckets, tables, queues, functions with their S3 and
 * HTTP API events. Nothing here is known in advance: a renamed resource, another index, another handler class or
 * route in the template is what the local stack runs.
 */
final class StackTemplate {
  static final String REGION = "us-east-1";

  /** A bucket: its name, whether versioning is on, and its CORS rules (as S3 applies them). */
  record Bucket(String logicalId, String name, boolean versioned, List<Map<String, Object>> corsRules) {}

  private final SamTemplate template;
  private final Function<String, String> queueUrl;

  /**
   * @param parameters values for template parameters (defaults apply to the rest)
   * @param queueUrl   the local URL of a queue, by its name: what {@code !Ref} of a queue gives in AWS
   */
  StackTemplate(Path file, Map<String, String> parameters, String stackName, Function<String, String> queueUrl) {
    this.template = SamTemplate.read(file, parameters, stackName, REGION);
    this.queueUrl = queueUrl;
  }

  SamTemplate raw() {
    return template;
  }

  List<TemplateTables.Table> tables() {
    return TemplateTables.read(template);
  }

  @SuppressWarnings("unchecked")
  List<Bucket> buckets() {
    List<Bucket> buckets = new ArrayList<>();
    template.resources("AWS::S3::Bucket").forEach((id, r) -> {
      Map<String, Object> p = template.properties(id);
      Object versioning = template.resolve(p.get("VersioningConfiguration"));
      boolean versioned = versioning instanceof Map<?, ?> v && "Enabled".equals(v.get("Status"));
      // only what the local S3 applies is resolved: allowed origins are the page's own locally
      List<Map<String, Object>> rules = new ArrayList<>();
      if (p.get("CorsConfiguration") instanceof Map<?, ?> c && c.get("CorsRules") instanceof List<?> raw) {
        for (Object rule : raw) {
          Map<String, Object> r1 = (Map<String, Object>) rule;
          Map<String, Object> kept = new LinkedHashMap<>();
          for (String key : List.of("AllowedMethods", "AllowedHeaders", "ExposedHeaders")) {
            if (r1.get(key) != null) {
              kept.put(key, template.resolve(r1.get(key)));
            }
          }
          rules.add(kept);
        }
      }
      buckets.add(new Bucket(id, bucketName(id), versioned, rules));
    });
    return buckets;
  }

  /** A bucket's name: declared, or what CloudFormation would generate (lower case). */
  String bucketName(String logicalId) {
    Object declared = template.properties(logicalId).get("BucketName");
    return declared != null ? template.resolveString(declared)
        : (stackName() + "-" + logicalId).toLowerCase(Locale.ROOT);
  }

  /** Queue names by logical id. */
  Map<String, String> queues() {
    Map<String, String> queues = new LinkedHashMap<>();
    template.resources("AWS::SQS::Queue").keySet().forEach(id -> queues.put(id, template.physicalName(id)));
    return queues;
  }

  String stackName() {
    return template.parameters().get("AWS::StackName");
  }

  @SuppressWarnings("unchecked")
  List<FunctionSpec> functions() {
    Map<String, Object> globals = template.globals().get("Function") instanceof Map<?, ?> g
        ? (Map<String, Object>) g : Map.of();
    List<FunctionSpec> functions = new ArrayList<>();
    template.resources("AWS::Serverless::Function").forEach((id, r) -> {
      Map<String, Object> p = new LinkedHashMap<>(globals);
      p.putAll(template.properties(id));
      String name = p.get("FunctionName") != null ? template.resolveString(p.get("FunctionName"))
          : stackName() + "-" + id;
      Map<String, String> env = new LinkedHashMap<>(environment(globals.get("Environment")));
      env.putAll(environment(template.properties(id).get("Environment")));
      Map<String, Object> invokeConfig = p.get("EventInvokeConfig") instanceof Map<?, ?> m
          ? (Map<String, Object>) m : Map.of();
      int retries = invokeConfig.get("MaximumRetryAttempts") == null ? 2
          : Integer.parseInt(String.valueOf(invokeConfig.get("MaximumRetryAttempts")));
      List<FunctionSpec.S3Subscription> s3 = new ArrayList<>();
      List<FunctionSpec.Route> routes = new ArrayList<>(apiRoutes(id));
      Map<String, Object> events = p.get("Events") instanceof Map<?, ?> e ? (Map<String, Object>) e : Map.of();
      events.values().forEach(raw -> readEvent((Map<String, Object>) raw, s3, routes));
      String arn = "arn:aws:lambda:" + REGION + ":000000000000:function:" + name
          + (p.get("AutoPublishAlias") != null ? ":" + template.resolveString(p.get("AutoPublishAlias")) : "");
      functions.add(new FunctionSpec(id, name, handler(id, p),
          template.resolveString(p.getOrDefault("Runtime", "java21")),
          Integer.parseInt(template.resolveString(p.getOrDefault("MemorySize", 128))),
          Integer.parseInt(template.resolveString(p.getOrDefault("Timeout", 3))),
          routes.isEmpty() ? 1 : 2, arn, env, retries, onFailureQueue(p, invokeConfig), s3, routes));
    });
    return functions;
  }

  /**
   * The handler a function names: {@code Handler:} for a zip package; for a container image
   * ({@code PackageType: Image}) the first word of its {@code ImageConfig.Command}, which the image's entry point
   * (the Runtime Interface Client) takes as the handler — so the image function runs here from the built jar on the
   * functions' classpath, as the others do (what else the image holds, Tesseract say, must be on this machine).
   */
  @SuppressWarnings("unchecked")
  private String handler(String id, Map<String, Object> p) {
    if (!"Image".equals(template.resolveString(p.get("PackageType")))) {
      return template.resolveString(p.get("Handler"));
    }
    Object command = p.get("ImageConfig") instanceof Map<?, ?> config ? template.resolve(config.get("Command"))
        : null;
    if (!(command instanceof List<?> words) || words.isEmpty()) {
      throw new IllegalArgumentException("function " + id + " is a container image without ImageConfig.Command:"
          + " the local stack runs an image function by its handler command");
    }
    return String.valueOf(words.get(0));
  }

  /** A function's {@code Schedule} event: EventBridge invokes it with {@code input} at each tick. */
  record Schedule(String functionLogicalId, String eventName, String expression, String input) {}

  /** Every Schedule event of every function, in template order. */
  @SuppressWarnings("unchecked")
  List<Schedule> schedules() {
    List<Schedule> out = new ArrayList<>();
    template.resources("AWS::Serverless::Function").forEach((id, r) -> {
      Object events = template.properties(id).get("Events");
      if (!(events instanceof Map<?, ?> byName)) {
        return;
      }
      byName.forEach((name, raw) -> {
        Map<String, Object> event = (Map<String, Object>) raw;
        if ("Schedule".equals(String.valueOf(event.get("Type")))
            && event.get("Properties") instanceof Map<?, ?> props) {
          Object input = template.resolve(props.get("Input"));
          out.add(new Schedule(id, String.valueOf(name), template.resolveString(props.get("Schedule")),
              input == null ? "{}" : String.valueOf(input)));
        }
      });
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private void readEvent(Map<String, Object> event, List<FunctionSpec.S3Subscription> s3,
      List<FunctionSpec.Route> routes) {
    Map<String, Object> props = event.get("Properties") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    switch (String.valueOf(event.get("Type"))) {
      case "S3" -> {
        String bucket = refTarget(props.get("Bucket"));
        Object names = template.resolve(props.get("Events"));
        List<String> list = names instanceof List<?> l ? l.stream().map(String::valueOf).toList()
            : List.of(String.valueOf(names));
        String prefix = null;
        String suffix = null;
        Object filter = template.resolve(props.get("Filter"));
        if (filter instanceof Map<?, ?> f && f.get("S3Key") instanceof Map<?, ?> k && k.get("Rules") instanceof List<?> rs) {
          for (Object rule : rs) {
            Map<String, Object> rule1 = (Map<String, Object>) rule;
            String ruleName = String.valueOf(rule1.get("Name")).toLowerCase(Locale.ROOT);
            if (ruleName.equals("prefix")) {
              prefix = String.valueOf(rule1.get("Value"));
            } else if (ruleName.equals("suffix")) {
              suffix = String.valueOf(rule1.get("Value"));
            }
          }
        }
        s3.add(new FunctionSpec.S3Subscription(bucket, list, prefix, suffix));
      }
      case "HttpApi" -> {
        Object path = template.resolve(props.get("Path"));
        Object method = template.resolve(props.get("Method"));
        routes.add(new FunctionSpec.Route(path == null ? "$default"
            : (method == null ? "ANY" : String.valueOf(method).toUpperCase(Locale.ROOT)) + " " + path,
            props.get("Auth") == null ? "NONE" : "JWT"));
      }
      default -> {
        // queues are not part of the local stack; schedules are run by LocalSchedules (see schedules())
      }
    }
  }

  /**
   * The routes of {@code AWS::ApiGatewayV2::Route} resources whose integration invokes this function (by its ARN,
   * or its alias: {@code !Ref Function.Alias}), with their authorization type.
   */
  @SuppressWarnings("unchecked")
  private List<FunctionSpec.Route> apiRoutes(String functionId) {
    List<FunctionSpec.Route> routes = new ArrayList<>();
    template.resources("AWS::ApiGatewayV2::Route").forEach((id, r) -> {
      Map<String, Object> p = template.properties(id);
      String target = template.resolveString(p.get("Target"));
      String integration = target == null ? null : target.substring(target.lastIndexOf('/') + 1);
      Map<String, Map<String, Object>> integrations = template.resources("AWS::ApiGatewayV2::Integration");
      if (integration == null || !integrations.containsKey(integration)) {
        return;
      }
      Object uri = template.properties(integration).get("IntegrationUri");
      if (!functionId.equals(refTarget(uri)) && !String.valueOf(uri).contains(functionId)) {
        return;
      }
      Object auth = template.resolve(p.get("AuthorizationType"));
      routes.add(new FunctionSpec.Route(template.resolveString(p.get("RouteKey")),
          auth == null || String.valueOf(auth).isEmpty() ? "NONE" : String.valueOf(auth)));
    });
    return routes;
  }

  @SuppressWarnings("unchecked")
  private String onFailureQueue(Map<String, Object> p, Map<String, Object> invokeConfig) {
    Object destination = invokeConfig.get("DestinationConfig") instanceof Map<?, ?> d
        && d.get("OnFailure") instanceof Map<?, ?> f ? ((Map<String, Object>) f).get("Destination") : null;
    if (destination == null && p.get("DeadLetterQueue") instanceof Map<?, ?> dlq) {
      destination = dlq.get("TargetArn");
    }
    return destination == null ? null : template.physicalName(refTarget(destination));
  }

  /** The logical id a {@code !Ref X} or {@code !GetAtt X.Arn} points at. */
  private static String refTarget(Object value) {
    if (value instanceof SamTemplate.Intrinsic i) {
      String target = i.argument() instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(i.argument());
      return target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    }
    if (value instanceof Map<?, ?> m && m.size() == 1) {
      Object arg = m.values().iterator().next();
      String target = arg instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(arg);
      return target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    }
    return String.valueOf(value);
  }

  /** Environment variables, resolved; a {@code !Ref} to a queue gives its local URL, as it gives its URL in AWS. */
  @SuppressWarnings("unchecked")
  private Map<String, String> environment(Object raw) {
    Map<String, String> env = new LinkedHashMap<>();
    if (!(raw instanceof Map<?, ?> e) || !(e.get("Variables") instanceof Map<?, ?> vars)) {
      return env;
    }
    Map<String, Map<String, Object>> queues = template.resources("AWS::SQS::Queue");
    ((Map<String, Object>) vars).forEach((name, value) -> {
      if (value instanceof SamTemplate.Intrinsic i && i.function().equals("Ref")
          && queues.containsKey(String.valueOf(i.argument()))) {
        env.put(name, queueUrl.apply(template.physicalName(String.valueOf(i.argument()))));
      } else {
        env.put(name, localSecret(template.resolveString(value)));
      }
    });
    return env;
  }

  /** Secrets generated per local stack, by the reference the template resolves at deployment in AWS. */
  private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A {@code {{resolve:secretsmanager:…}}} dynamic reference is resolved by CloudFormation in AWS; here it is a
   * random value made for this stack (the same for every function that names it), other values as they are.
   */
  private String localSecret(String value) {
    if (value == null || !value.startsWith("{{resolve:secretsmanager:")) {
      return value;
    }
    return secrets.computeIfAbsent(value, v -> {
      byte[] random = new byte[32];
      new java.security.SecureRandom().nextBytes(random);
      return java.util.HexFormat.of().formatHex(random);
    });
  }
}

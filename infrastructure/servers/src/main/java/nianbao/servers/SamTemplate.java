package nianbao.servers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * An AWS SAM / CloudFormation template read as plain maps and lists, with the short-form intrinsic functions
 * ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !Join}, {@code !If}, …) kept as {@link Intrinsic} values, and a
 * resolver that evaluates the ones a local run can evaluate: parameters (their defaults unless given),
 * pseudo parameters, {@code !Ref} to a resource (its declared physical name), {@code !Sub}, {@code !Join},
 * {@code !Select}, {@code !If} with simple conditions.
 */
public final class SamTemplate {
  /** A short- or long-form intrinsic function: {@code !Sub "x"} and {@code {"Fn::Sub": "x"}} alike. */
  public record Intrinsic(String function, Object argument) {}

  private final Map<String, Object> root;
  private final Map<String, String> parameters = new LinkedHashMap<>();

  @SuppressWarnings("unchecked")
  private SamTemplate(Map<String, Object> root, Map<String, String> overrides, String stackName, String region,
      String accountId) {
    this.root = root;
    Map<String, Object> declared = (Map<String, Object>) root.getOrDefault("Parameters", Map.of());
    declared.forEach((name, definition) -> {
      Object dflt = definition instanceof Map<?, ?> m ? m.get("Default") : null;
      if (dflt != null) {
        parameters.put(name, String.valueOf(dflt));
      }
    });
    parameters.putAll(overrides);
    parameters.put("AWS::StackName", stackName);
    parameters.put("AWS::Region", region);
    parameters.put("AWS::AccountId", accountId);
    parameters.put("AWS::Partition", "aws");
    parameters.put("AWS::URLSuffix", "amazonaws.com");
    parameters.put("AWS::NoValue", "");
  }

  /**
   * Reads a template.
   *
   * @param parameters values for the template's parameters (the defaults apply to the others)
   * @param stackName  the value of {@code AWS::StackName}, which names resources as a deployed stack would
   */
  public static SamTemplate read(Path template, Map<String, String> parameters, String stackName, String region) {
    try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      return parse(reader, parameters, stackName, region);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + template, e);
    }
  }

  @SuppressWarnings("unchecked")
  public static SamTemplate parse(Reader reader, Map<String, String> parameters, String stackName, String region) {
    Yaml yaml = new Yaml(new IntrinsicConstructor());
    Object loaded = yaml.load(reader);
    if (!(loaded instanceof Map)) {
      throw new IllegalArgumentException("a template is a YAML mapping");
    }
    return new SamTemplate((Map<String, Object>) loaded, parameters, stackName, region, "000000000000");
  }

  /** The template's resources by logical id, in template order. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) root.getOrDefault("Resources", Map.of());
  }

  /** The resources of one type ({@code AWS::DynamoDB::Table}, {@code AWS::Serverless::Function}…). */
  public Map<String, Map<String, Object>> resources(String type) {
    Map<String, Map<String, Object>> result = new LinkedHashMap<>();
    resources().forEach((id, r) -> {
      if (type.equals(r.get("Type"))) {
        result.put(id, r);
      }
    });
    return result;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> properties(String logicalId) {
    Map<String, Object> resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("no resource " + logicalId + " in the template");
    }
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  /** The template's {@code Globals} section (SAM), or an empty map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> globals() {
    return (Map<String, Object>) root.getOrDefault("Globals", Map.of());
  }

  public Map<String, String> parameters() {
    return Map.copyOf(parameters);
  }

  /** Resolves intrinsic functions throughout {@code value}: maps and lists are resolved element by element. */
  public Object resolve(Object value) {
    if (value instanceof Intrinsic intrinsic) {
      return evaluate(intrinsic);
    }
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        Object key = map.keySet().iterator().next();
        if (key instanceof String k && (k.startsWith("Fn::") || k.equals("Ref") || k.equals("Condition"))) {
          return evaluate(new Intrinsic(k.equals("Ref") || k.equals("Condition") ? k : k.substring(4),
              map.get(key)));
        }
      }
      Map<Object, Object> resolved = new LinkedHashMap<>();
      map.forEach((k, v) -> resolved.put(k, resolve(v)));
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>();
      list.forEach(v -> resolved.add(resolve(v)));
      return resolved;
    }
    return value;
  }

  /** Resolves {@code value} and requires a string. */
  public String resolveString(Object value) {
    Object resolved = resolve(value);
    if (resolved == null) {
      return null;
    }
    if (resolved instanceof Map || resolved instanceof List) {
      throw new IllegalArgumentException("not a string: " + value);
    }
    return String.valueOf(resolved);
  }

  /**
   * The physical name a {@code !Ref} to a resource gives where the template names the resource itself
   * (TableName, BucketName, QueueName, FunctionName), else the logical id.
   */
  public String physicalName(String logicalId) {
    Map<String, Object> resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("!Ref to unknown name " + logicalId);
    }
    Map<String, Object> props = properties(logicalId);
    for (String key : List.of("TableName", "BucketName", "QueueName", "FunctionName", "TopicName", "Name")) {
      if (props.get(key) != null) {
        return resolveString(props.get(key));
      }
    }
    return logicalId;
  }

  @SuppressWarnings("unchecked")
  private Object evaluate(Intrinsic intrinsic) {
    Object arg = intrinsic.argument();
    switch (intrinsic.function()) {
      case "Ref": {
        String name = String.valueOf(arg);
        if (parameters.containsKey(name)) {
          return parameters.get(name);
        }
        return physicalName(name);
      }
      case "Sub": {
        String text;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
          text = String.valueOf(l.get(0));
          vars = (Map<String, Object>) l.get(1);
        } else {
          text = String.valueOf(arg);
        }
        return substitute(text, vars);
      }
      case "Join": {
        List<Object> l = (List<Object>) arg;
        List<Object> parts = (List<Object>) resolve(l.get(1));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
          if (i > 0) {
            out.append(l.get(0));
          }
          out.append(parts.get(i));
        }
        return out.toString();
      }
      case "Select": {
        List<Object> l = (List<Object>) arg;
        List<Object> items = (List<Object>) resolve(l.get(1));
        return items.get(Integer.parseInt(String.valueOf(resolve(l.get(0)))));
      }
      case "If": {
        List<Object> l = (List<Object>) arg;
        return condition(String.valueOf(l.get(0))) ? resolve(l.get(1)) : resolve(l.get(2));
      }
      case "GetAtt": {
        String target = arg instanceof List<?> l ? l.get(0) + "." + l.get(1) : String.valueOf(arg);
        String[] parts = target.split("\\.", 2);
        String name = physicalName(parts[0]);
        if (parts.length > 1 && parts[1].equals("Arn")) {
          String type = String.valueOf(resources().get(parts[0]).get("Type"));
          return arn(type, name);
        }
        return name + "." + (parts.length > 1 ? parts[1] : "");
      }
      case "Equals": {
        List<Object> l = (List<Object>) arg;
        return String.valueOf(resolve(l.get(0))).equals(String.valueOf(resolve(l.get(1))));
      }
      case "Not": {
        List<Object> l = (List<Object>) arg;
        return !truthy(resolve(l.get(0)));
      }
      case "And": {
        for (Object o : (List<Object>) arg) {
          if (!truthy(resolve(o))) {
            return false;
          }
        }
        return true;
      }
      case "Or": {
        for (Object o : (List<Object>) arg) {
          if (truthy(resolve(o))) {
            return true;
          }
        }
        return false;
      }
      case "Condition":
        return condition(String.valueOf(arg));
      default:
        throw new IllegalArgumentException("intrinsic function not supported locally: " + intrinsic.function());
    }
  }

  @SuppressWarnings("unchecked")
  private boolean condition(String name) {
    Map<String, Object> conditions = (Map<String, Object>) root.getOrDefault("Conditions", Map.of());
    if (!conditions.containsKey(name)) {
      throw new IllegalArgumentException("unknown condition " + name);
    }
    return truthy(resolve(conditions.get(name)));
  }

  private static boolean truthy(Object o) {
    return o instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(o));
  }

  private String arn(String type, String name) {
    String region = parameters.get("AWS::Region");
    String account = parameters.get("AWS::AccountId");
    return switch (type) {
      case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
      case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
      case "AWS::SQS::Queue" -> "arn:aws:sqs:" + region + ":" + account + ":" + name;
      default -> "arn:aws:local:" + region + ":" + account + ":" + name;
    };
  }

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private String substitute(String text, Map<String, Object> vars) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).trim();
      String value;
      if (vars.containsKey(name)) {
        value = resolveString(vars.get(name));
      } else if (parameters.containsKey(name)) {
        value = parameters.get(name);
      } else if (name.contains(".")) {
        value = String.valueOf(evaluate(new Intrinsic("GetAtt", name)));
      } else {
        value = physicalName(name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().replace("${!", "${");
  }

  /** Keeps every {@code !Tag} as an {@link Intrinsic} named by the tag. */
  private static final class IntrinsicConstructor extends SafeConstructor {
    IntrinsicConstructor() {
      super(new LoaderOptions());
      this.yamlMultiConstructors.put("!", new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String function = node.getTag().getValue().substring(1);
          Object argument;
          if (node instanceof ScalarNode scalar) {
            argument = scalar.getValue();
          } else if (node instanceof SequenceNode sequence) {
            argument = constructSequence(sequence);
          } else {
            argument = constructMapping((MappingNode) node);
          }
          if (function.equals("GetAtt") && argument instanceof String s) {
            return new Intrinsic(function, s);
          }
          return new Intrinsic(function, argument);
        }
      });
    }
  }
}

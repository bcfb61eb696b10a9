package nianbao.core.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A process's settings, read in one order everywhere: the <b>system property</b>, then the <b>environment
 * variable</b>, then the default. A blank value counts as not set (a template parameter left empty), and values are
 * stripped. This is the AWS SDK's own order for its settings, so an endpoint read here and the one the SDK's
 * clients use never disagree.
 *
 * <p>It lives in core, which has no AWS types, because reading a setting needs nothing but the JDK and every module
 * that reads settings (both functions, the local stack) already depends on core; a module of its own would be a
 * build file for one class.
 */
public final class Settings {
  private static final Settings SYSTEM = new Settings(System::getProperty, System::getenv);

  private final UnaryOperator<String> properties;
  private final UnaryOperator<String> environment;

  private Settings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** This process's system properties and environment. */
  public static Settings system() {
    return SYSTEM;
  }

  /** Settings from given maps (tests, or a process that is handed its settings). */
  public static Settings of(Map<String, String> properties, Map<String, String> environment) {
    Map<String, String> p = Map.copyOf(properties);
    Map<String, String> e = Map.copyOf(environment);
    return new Settings(p::get, e::get);
  }

  /** The setting whose system property and environment variable have the same name ({@code TABLE_NAME}). */
  public Optional<String> get(String name) {
    return get(name, name);
  }

  /** The system property {@code property}, else the environment variable {@code variable}. */
  public Optional<String> get(String property, String variable) {
    Optional<String> p = present(properties.apply(property));
    return p.isPresent() ? p : present(environment.apply(variable));
  }

  public String orDefault(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /** @throws IllegalStateException naming the setting when it is not set */
  public String required(String name) {
    return get(name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
  }

  /** {@code true} only when the setting is {@code true} (any case); the default when it is not set. */
  public boolean flag(String name, boolean defaultValue) {
    return get(name).map(Boolean::parseBoolean).orElse(defaultValue);
  }

  /**
   * The endpoint override for one AWS service, in the SDK's order: {@code aws.endpointUrl<Service>},
   * {@code AWS_ENDPOINT_URL_<SERVICE>}, then the general {@code aws.endpointUrl}, {@code AWS_ENDPOINT_URL}.
   *
   * @param service the SDK's spelling of the service in its system property: {@code S3}, {@code DynamoDb},
   *                {@code Sqs}, {@code Lambda}, {@code CloudFormation}
   */
  public Optional<String> awsEndpoint(String service) {
    Optional<String> specific = get("aws.endpointUrl" + service,
        "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
    return specific.isPresent() ? specific : get("aws.endpointUrl", "AWS_ENDPOINT_URL");
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}

package nianbao.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void systemPropertyWinsOverEnvironmentVariable() {
    Settings s = Settings.of(Map.of("TABLE_NAME", "from-property"), Map.of("TABLE_NAME", "from-environment"));
    assertEquals(Optional.of("from-property"), s.get("TABLE_NAME"));
  }

  @Test
  void environmentVariableWhenNoSystemProperty() {
    Settings s = Settings.of(Map.of(), Map.of("TABLE_NAME", "from-environment"));
    assertEquals(Optional.of("from-environment"), s.get("TABLE_NAME"));
  }

  @Test
  void defaultWhenNeitherIsSet() {
    Settings s = Settings.of(Map.of(), Map.of());
    assertEquals("*", s.orDefault("ALLOWED_ORIGIN", "*"));
    assertTrue(s.get("ALLOWED_ORIGIN").isEmpty());
  }

  @Test
  void blankCountsAsNotSetAndValuesAreStripped() {
    Settings s = Settings.of(Map.of("ALLOWED_ORIGIN", "  "), Map.of("ALLOWED_ORIGIN", " https://a.example \n"));
    assertEquals(Optional.of("https://a.example"), s.get("ALLOWED_ORIGIN"));
    assertEquals("*", Settings.of(Map.of(), Map.of("ALLOWED_ORIGIN", "")).orDefault("ALLOWED_ORIGIN", "*"));
  }

  @Test
  void propertyAndVariableMayHaveDifferentNames() {
    Settings s = Settings.of(Map.of("aws.region", "eu-west-1"), Map.of("AWS_REGION", "us-east-1"));
    assertEquals(Optional.of("eu-west-1"), s.get("aws.region", "AWS_REGION"));
    assertEquals(Optional.of("us-east-1"), Settings.of(Map.of(), Map.of("AWS_REGION", "us-east-1"))
        .get("aws.region", "AWS_REGION"));
  }

  @Test
  void requiredNamesTheMissingSetting() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Settings.of(Map.of(), Map.of("TABLE_NAME", " ")).required("TABLE_NAME"));
    assertEquals("TABLE_NAME is not set", e.getMessage());
    assertEquals("t", Settings.of(Map.of(), Map.of("TABLE_NAME", "t")).required("TABLE_NAME"));
  }

  @Test
  void flagIsTrueOnlyForTrue() {
    assertTrue(Settings.of(Map.of(), Map.of("AUTH_REQUIRED", "TRUE")).flag("AUTH_REQUIRED", false));
    assertFalse(Settings.of(Map.of(), Map.of("AUTH_REQUIRED", "yes")).flag("AUTH_REQUIRED", true));
    assertTrue(Settings.of(Map.of(), Map.of()).flag("AUTH_REQUIRED", true));
    assertFalse(Settings.of(Map.of("AUTH_REQUIRED", "false"), Map.of("AUTH_REQUIRED", "true"))
        .flag("AUTH_REQUIRED", true));
  }

  @Test
  void awsEndpointPrefersTheServiceSettingThenTheGeneralOneEachPropertyFirst() {
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://env-dynamo", "AWS_ENDPOINT_URL",
        "http://env-all");
    assertEquals(Optional.of("http://prop-dynamo"),
        Settings.of(Map.of("aws.endpointUrlDynamoDb", "http://prop-dynamo"), env).awsEndpoint("DynamoDb"));
    assertEquals(Optional.of("http://env-dynamo"),
        Settings.of(Map.of("aws.endpointUrl", "http://prop-all"), env).awsEndpoint("DynamoDb"));
    assertEquals(Optional.of("http://prop-all"),
        Settings.of(Map.of("aws.endpointUrl", "http://prop-all"), env).awsEndpoint("S3"));
    assertEquals(Optional.of("http://env-all"), Settings.of(Map.of(), env).awsEndpoint("S3"));
    assertEquals(Optional.empty(), Settings.of(Map.of(), Map.of()).awsEndpoint("S3"));
  }

  @Test
  void systemReadsThisProcessesProperties() {
    String name = "nianbao.settings.test." + System.nanoTime();
    System.setProperty(name, " value ");
    try {
      assertEquals(Optional.of("value"), Settings.system().get(name));
    } finally {
      System.clearProperty(name);
    }
  }
}

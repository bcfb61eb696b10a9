package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nianbao.core.settings.Settings;
import org.junit.jupiter.api.Test;

class ApiConfigTest {
  private static final Map<String, String> TEMPLATE = Map.of("TABLE_NAME", "nianbao-reports", "REPORTS_BUCKET",
      "reports", "EXPORT_BUCKET", "exports", "ALLOWED_ORIGIN", "https://a.example, https://b.example",
      "AUTH_REQUIRED", "true", "PROTECT_READS", "");

  @Test
  void readsTheTemplatesEnvironment() {
    ApiConfig c = ApiConfig.from(Settings.of(Map.of(), TEMPLATE));
    assertEquals("nianbao-reports", c.tableName());
    assertEquals("reports", c.reportsBucket());
    assertEquals("exports", c.exportBucket());
    assertEquals(List.of("https://a.example", "https://b.example"), c.allowedOrigins());
    assertTrue(c.authRequired());
    assertFalse(c.protectReads(), "an empty parameter is the default");
  }

  @Test
  void aSystemPropertyOverridesTheEnvironment() {
    ApiConfig c = ApiConfig.from(Settings.of(Map.of("TABLE_NAME", "other", "AUTH_REQUIRED", "false"), TEMPLATE));
    assertEquals("other", c.tableName());
    assertFalse(c.authRequired());
  }

  @Test
  void defaultsAndMissingSettings() {
    ApiConfig c = ApiConfig.from(Settings.of(Map.of(), Map.of("TABLE_NAME", "t", "REPORTS_BUCKET", "r",
        "EXPORT_BUCKET", "e")));
    assertEquals(List.of("*"), c.allowedOrigins());
    assertFalse(c.authRequired());
    assertFalse(c.protectReads());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ApiConfig.from(Settings.of(Map.of(), Map.of("TABLE_NAME", "t", "REPORTS_BUCKET", "r"))));
    assertEquals("EXPORT_BUCKET is not set", e.getMessage());
  }
}

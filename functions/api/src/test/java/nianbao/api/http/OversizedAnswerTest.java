package nianbao.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nianbao.telemetry.Metrics;
import org.junit.jupiter.api.Test;

/**
 * An answer over Lambda's 6 MB would reach the caller as API Gateway's bare 500 without CORS headers, which a page
 * cannot even read: the pipeline answers a problem+json with CORS instead (issue 17.2's last guard).
 */
class OversizedAnswerTest {
  private final HttpPipeline pipeline = new HttpPipeline(new Router(List.of(
      Route.get("/huge", "huge", "too large").to(r -> Response.read("\"" + "字".repeat(2_000_000) + "\"")))),
      new Authorisation(false, false), new ConditionalGet(false, Duration.ofSeconds(10)),
      new Cors(List.of("https://page.example")), Metrics.forFunction("api", line -> { }, Clock.systemUTC()));

  @Test
  void anAnswerOverLambdasLimitIsAProblemWithCors() {
    Request get = new Request("GET", "/huge", Map.of(), Map.of("origin", "https://page.example"), null, Map.of(),
        null, "req-9");
    Response r = pipeline.handle(get);
    assertEquals(500, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.headers().toString());
    assertEquals("https://page.example", r.header("Access-Control-Allow-Origin"));
    assertTrue(r.body().contains("req-9"), r.body());
  }
}

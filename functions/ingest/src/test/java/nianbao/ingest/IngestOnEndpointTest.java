package nianbao.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The suite against whatever AWS_ENDPOINT_URL points at (LocalStack, say), with the SDK's standard settings for
 * region and credentials; skipped when it is not set.
 */
class IngestOnEndpointTest extends IngestSuite {
  private static Backend backend;

  @BeforeAll
  static void start() {
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    assumeTrue(endpoint != null && !endpoint.isBlank(), "AWS_ENDPOINT_URL is not set");
    backend = new Backend.Endpoint();
  }

  @Override
  Backend backend() {
    return backend;
  }
}

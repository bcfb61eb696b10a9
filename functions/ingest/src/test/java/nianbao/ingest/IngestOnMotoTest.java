package nianbao.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite against moto_server (what LocalStack is built on), skipped only where moto_server is not installed. */
class IngestOnMotoTest extends IngestSuite {
  private static Backend.Moto backend;

  @BeforeAll
  static void start() throws Exception {
    backend = Backend.Moto.startIfInstalled();
    assumeTrue(backend != null, "moto_server is not installed");
  }

  @AfterAll
  static void stop() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Override
  Backend backend() {
    return backend;
  }
}

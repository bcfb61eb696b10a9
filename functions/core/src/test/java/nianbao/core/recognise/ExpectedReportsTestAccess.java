package nianbao.core.recognise;

import java.io.IOException;

/** Test resources for tests in other packages. */
public final class ExpectedReportsTestAccess {
  private ExpectedReportsTestAccess() {}

  public static byte[] resource(String path) throws IOException {
    return ExpectedReportsTest.resource(path);
  }
}

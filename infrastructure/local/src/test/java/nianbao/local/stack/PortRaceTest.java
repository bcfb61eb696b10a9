package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Which start failures are a port taken between choosing it and binding it, and so worth a start on fresh ports. */
class PortRaceTest {
  @Test
  void aRealBindFailureWrappedAnyDepthIsALostRace() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      IOException bind = assertThrows(IOException.class,
          () -> new ServerSocket(taken.getLocalPort(), 1, InetAddress.getLoopbackAddress()).close());
      assertTrue(TemplateRunner.lostPortRace(bind));
      assertTrue(TemplateRunner.lostPortRace(new IllegalStateException("start", new UncheckedIOException(bind))));
    }
    // Jetty (DynamoDB Local, s3proxy) reports it in its own words
    assertTrue(TemplateRunner.lostPortRace(new IOException("Failed to bind to /127.0.0.1:39583")));
  }

  @Test
  void otherFailuresAreNotRetried() {
    assertFalse(TemplateRunner.lostPortRace(new IllegalStateException("handler class not found")));
    assertFalse(TemplateRunner.lostPortRace(new UncheckedIOException(new IOException("disk full"))));
  }
}

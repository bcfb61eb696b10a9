package nianbao.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void aFreePortIsBindableAndOutsideTheRangeTheKernelGivesOutgoingConnections() throws Exception {
    int ephemeralStart = FreePorts.ephemeralStart();
    for (int i = 0; i < 20; i++) {
      int port = FreePorts.loopback();
      if (ephemeralStart > 11_000) {
        assertTrue(port < ephemeralStart, port + " is in the ephemeral range from " + ephemeralStart);
      }
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertFalse(FreePorts.isFree(port), "a port in use is not free");
      }
    }
  }
}

package nianbao.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port on the loopback interface, as the servers here never listen anywhere else.
 *
 * <p>The port is chosen below the kernel's ephemeral range where it can: a port the kernel hands out (bind to 0)
 * is free now, but between this check and the server's own bind the kernel may give it to an outgoing connection
 * as its local port — the local stack's function JVMs open many — and the server then fails to bind. Seen in the
 * test suite ("Failed to bind to /127.0.0.1:39583").
 */
public final class FreePorts {
  private static final int LOWEST = 10_000;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private FreePorts() {}

  public static int loopback() {
    int ephemeralStart = ephemeralStart();
    if (ephemeralStart > LOWEST + 1000) {
      for (int attempt = 0; attempt < 200; attempt++) {
        int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
        if (isFree(port)) {
          return port;
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** Whether nothing listens on {@code port} of the loopback interface. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of Linux's ephemeral range; 0 where the system does not say (then the kernel picks). */
  static int ephemeralStart() {
    try {
      String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}

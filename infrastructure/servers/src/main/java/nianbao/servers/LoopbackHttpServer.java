package nianbao.servers;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The JDK's HTTP server as every local service runs it: on the loopback address only, answering without Nagle's
 * delay, and closing a connection whose request has not fully arrived in {@value #MAX_REQUEST_SECONDS} s.
 *
 * <p>Without {@code TCP_NODELAY} a response written in two segments (headers, then body) waits for the client's
 * delayed ACK: ~40 ms on every request, a 404 included. Without a request deadline, a client that declares a body
 * and sends part of it holds a handler thread for good; a few of them hold them all. The JDK server takes both
 * settings only as system properties, read once per JVM when its first server is made: this class sets them
 * (unless given on the command line) before it makes any server, so every server of the JVM must be made here.
 */
public final class LoopbackHttpServer implements AutoCloseable {
  /** The request line, headers and body of one request must arrive within this time (API Gateway waits 30 s). */
  public static final int MAX_REQUEST_SECONDS = 10;

  static {
    setUnlessGiven("sun.net.httpserver.nodelay", "true");
    setUnlessGiven("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
    // the response is not limited: the Lambda runtime API's /invocation/next is a long poll by design
  }

  private final HttpServer server;
  private final ExecutorService threads;

  /**
   * A started server on 127.0.0.1 and {@code port} (0: any free port) that hands every request to {@code handler}
   * on daemon threads named {@code name}: {@code threads} of them, or as many as there are requests when 0.
   */
  public LoopbackHttpServer(int port, int backlog, String name, int threads, HttpHandler handler) throws IOException {
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
    this.threads = threads > 0 ? Executors.newFixedThreadPool(threads, daemons) : Executors.newCachedThreadPool(daemons);
    server = create(port, backlog);
    server.setExecutor(this.threads);
    server.createContext("/", handler);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** A server on 127.0.0.1 and {@code port} (0: any free port), not yet started, for the caller to set up. */
  public static HttpServer create(int port, int backlog) throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}

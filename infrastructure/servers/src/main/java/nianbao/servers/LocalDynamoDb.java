package nianbao.servers;

import java.io.File;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local running inside this JVM on a free port of the loopback address only: in memory, or on a folder so that data
 * survives a restart. Telemetry is off and the database is shared by every access key and region, so any
 * client pointed at {@link #endpoint()} sees the same tables.
 *
 * <p>{@link #stop()} and {@link #start()} may be called repeatedly: the port stays the same, which is how
 * tests simulate an outage of the service in the middle of an ingest.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private final Path folder;
  private final int port;
  private DynamoDBProxyServer server;

  private LocalDynamoDb(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** Starts a throwaway in-memory instance. */
  public static LocalDynamoDb inMemory() {
    LocalDynamoDb db = new LocalDynamoDb(null, FreePorts.loopback());
    db.start();
    return db;
  }

  /** Starts an instance whose data lives in {@code folder} (created if missing) and so survives restarts. */
  public static LocalDynamoDb onFolder(Path folder) {
    return onFolder(folder, FreePorts.loopback());
  }

  public static LocalDynamoDb onFolder(Path folder, int port) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LocalDynamoDb db = new LocalDynamoDb(folder, port);
    db.start();
    return db;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public synchronized boolean running() {
    return server != null;
  }

  /** (Re)starts the server on its port. Data survives only when it runs on a folder. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    NativeLibraries.prepareSqlite4java();
    List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
    if (folder == null) {
      args.add("-inMemory");
    } else {
      args.add("-dbPath");
      args.add(folder.toAbsolutePath().toString());
    }
    Exception last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        DynamoDBProxyServer started = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        onLoopbackOnly(started);
        started.start();
        server = started;
        return;
      } catch (Exception e) {
        // the port may still be held for a moment after a stop; try again shortly
        last = e;
        sleep(100);
      }
    }
    throw new IllegalStateException("DynamoDB Local did not start on port " + port, last);
  }

  /**
   * DynamoDB Local has no option for the address it listens on and takes every interface: with no authentication,
   * anyone on the network could read and write the tables. Its Jetty server's connectors are set to loopback
   * before it starts (the field is private; DynamoDB Local is no module, so reflection may reach it).
   */
  private static void onLoopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      if (!(connector instanceof ServerConnector network)) {
        throw new IllegalStateException("DynamoDB Local's connector is a " + connector.getClass().getName());
      }
      network.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    }
  }

  /** Stops the server; clients see connection refused until {@link #start()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop", e);
    } finally {
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where DynamoDB Local's native SQLite library is found. */
  static final class NativeLibraries {
    private NativeLibraries() {}

    /**
     * DynamoDB Local stores tables in SQLite through sqlite4java, whose native library Maven delivers as a
     * {@code .so}/{@code .dylib}/{@code .dll} dependency on the class path. sqlite4java looks in the folder named by
     * {@code sqlite4java.library.path}; point it at the folder holding the library unless the caller already has.
     */
    static synchronized void prepareSqlite4java() {
      if (System.getProperty("sqlite4java.library.path") != null) {
        return;
      }
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        String name = new File(entry).getName();
        if (name.contains("sqlite4java") && (name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll"))
            && name.contains(platform())) {
          System.setProperty("sqlite4java.library.path", new File(entry).getAbsoluteFile().getParent());
          return;
        }
      }
      Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "almworks", "sqlite4java",
          "lib" + "sqlite4java-" + platform(), "1.0.392");
      if (Files.isDirectory(m2)) {
        System.setProperty("sqlite4java.library.path", m2.toString());
      }
    }

    private static String platform() {
      String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
      String arch = System.getProperty("os.arch", "");
      if (os.contains("mac")) {
        return "osx";
      }
      if (os.contains("win")) {
        return arch.contains("64") ? "win32-x64" : "win32-x86";
      }
      return arch.contains("64") ? "linux-amd64" : "linux-i386";
    }
  }
}

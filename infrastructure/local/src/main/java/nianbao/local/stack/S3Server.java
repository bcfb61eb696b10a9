package nianbao.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.servers.NotificationSink;
import nianbao.servers.NotifyingBlobStore;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * The local stack's S3: s3proxy on a chosen loopback port (unlike servers' LocalS3, whose port is always a free
 * one), any credentials accepted, its blob store wrapped in a {@link NotifyingBlobStore} so that buckets send
 * their notifications, and CORS as the template's rules allow it (their methods and headers) for the page's
 * local origin: the origins the template names are the deployed site's.
 */
final class S3Server implements AutoCloseable {
  private final S3Proxy proxy;
  private final NotifyingBlobStore store;
  private final int port;

  S3Server(Path folder, int port, List<Map<String, Object>> corsRules, String pageOrigin) {
    this.port = port;
    BlobStore base;
    if (folder == null) {
      base = new TransientNio2BlobStore();
    } else {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      base = new FilesystemNio2BlobStore(folder.toAbsolutePath().toString());
    }
    this.store = new NotifyingBlobStore(base, StackTemplate.REGION);
    this.proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.NONE, null, null)
        .ignoreUnknownHeaders(true)
        .corsRules(cors(corsRules, pageOrigin))
        .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (proxy.getState().equals("FAILED") || System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy state " + proxy.getState());
        }
        Thread.sleep(5);
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3 (s3proxy) did not start on 127.0.0.1:" + port, e);
    }
  }

  /** s3proxy applies one CORS configuration to every bucket: the union of the template's rules' methods and headers. */
  private static CrossOriginResourceSharing cors(List<Map<String, Object>> rules, String pageOrigin) {
    Set<String> origins = new LinkedHashSet<>();
    Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "PUT"));
    Set<String> headers = new LinkedHashSet<>();
    Set<String> exposed = new LinkedHashSet<>(List.of("ETag"));
    if (pageOrigin != null) {
      origins.add(pageOrigin);
    }
    for (Map<String, Object> rule : rules) {
      addAll(methods, rule.get("AllowedMethods"));
      addAll(headers, rule.get("AllowedHeaders"));
      addAll(exposed, rule.get("ExposedHeaders"));
    }
    if (headers.isEmpty()) {
      headers.add("*");
    }
    // s3proxy supports PUT, GET, HEAD and POST only
    methods.retainAll(List.of("GET", "HEAD", "PUT", "POST"));
    return new CrossOriginResourceSharing(new ArrayList<>(origins), new ArrayList<>(methods),
        new ArrayList<>(headers), new ArrayList<>(exposed), "false");
  }

  private static void addAll(Set<String> into, Object values) {
    if (values instanceof List<?> list) {
      list.forEach(v -> into.add(String.valueOf(v)));
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  int port() {
    return port;
  }

  void notify(String bucket, NotificationSink sink) {
    store.notify(bucket, sink);
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}

package nianbao.servers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An S3-compatible server (s3proxy) inside this JVM on 127.0.0.1 and a free port, with the transient (in-memory)
 * or the filesystem blob store, accepting any credentials. Its blob store is wrapped in a
 * {@link NotifyingBlobStore}, so a bucket's object events can be sent where S3 would send them
 * ({@link #notify(String, NotificationSink)}).
 */
public final class LocalS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final NotifyingBlobStore blobStore;
  private final int port;

  private LocalS3(BlobStore store, String region) {
    this(store, region, AuthenticationType.NONE, null, null);
  }

  private LocalS3(BlobStore store, String region, AuthenticationType authentication, String accessKey,
      String secretKey) {
    this.blobStore = new NotifyingBlobStore(store, region);
    this.port = FreePorts.loopback();
    this.proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(authentication, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        Thread.sleep(5);
      }
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start on port " + port, e);
    }
  }

  /** Objects live in memory and vanish on {@link #close()}. */
  public static LocalS3 inMemory(String region) {
    return new LocalS3(new TransientNio2BlobStore(), region);
  }

  /**
   * In memory, and checking each request's signature as S3 does (SigV2 or SigV4) against the one key pair given:
   * for code that signs its own requests.
   */
  public static LocalS3 inMemoryCheckingSignatures(String region, String accessKey, String secretKey) {
    return new LocalS3(new TransientNio2BlobStore(), region, AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey);
  }

  /** Objects live in {@code folder} (created if missing), one sub-folder per bucket. */
  public static LocalS3 onFolder(Path folder, String region) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new LocalS3(new FilesystemNio2BlobStore(folder.toAbsolutePath().toString()), region);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Sends {@code bucket}'s object events to {@code sink}, the way the template's bucket notification does. */
  public void notify(String bucket, NotificationSink sink) {
    blobStore.notify(bucket, sink);
  }

  public void stopNotifying(String bucket) {
    blobStore.stopNotifying(bucket);
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

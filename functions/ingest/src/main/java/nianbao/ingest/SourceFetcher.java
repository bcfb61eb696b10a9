package nianbao.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.AbortableInputStream;

/**
 * Fetches one object version, streamed, up to a limit: a larger object is aborted, not drained. The exact
 * version of the event is read (by versionId, or by eTag with If-Match on an unversioned bucket), so an event
 * never reads bytes that a later write put under its key.
 */
public final class SourceFetcher {
  private final S3GetObjectClient s3;

  public SourceFetcher(S3GetObjectClient s3) {
    this.s3 = s3;
  }

  /** What a fetch found. */
  public sealed interface Fetched permits Bytes, Gone, TooLarge {}

  /** The object's bytes, and its user metadata ({@code x-amz-meta-…} headers, lower case). */
  public record Bytes(byte[] bytes, java.util.Map<String, String> metadata) implements Fetched {
    public Bytes(byte[] bytes) {
      this(bytes, java.util.Map.of());
    }
  }

  /** The object (version) no longer exists or was overwritten: a later event tells what to do. */
  public record Gone(String why) implements Fetched {}

  public record TooLarge(long size) implements Fetched {}

  /**
   * @throws S3RequestFailedException for any other answer of S3 (access denied, throttled three times…): the
   *     event fails and Lambda retries it, then sends it to the dead-letter queue
   */
  public Fetched fetch(String bucket, String key, String versionId, String eTag, long maxBytes) {
    S3GetObjectClient.Response response = s3.get(bucket, key, versionId,
        versionId == null && eTag != null ? "\"" + eTag + "\"" : null);
    if (!response.ok()) {
      int status = response.status();
      if (status == 404 || status == 412 || status == 400 && "NoSuchVersion".equals(response.errorCode())) {
        return new Gone(status == 412 ? "overwritten since the event"
            : "NoSuchKey".equals(response.errorCode()) ? "no such key" : "no such version");
      }
      throw new S3RequestFailedException("GetObject s3://" + bucket + "/" + key + ": HTTP " + status
          + (response.errorCode() != null ? " " + response.errorCode() : ""), status);
    }
    AbortableInputStream in = response.body();
    try {
      Long length = response.contentLength();
      if (length != null && length > maxBytes) {
        in.abort();
        return new TooLarge(length);
      }
      byte[] bytes = readAtMost(in, maxBytes);
      if (bytes == null) {
        in.abort();
        return new TooLarge(maxBytes + 1);
      }
      in.close();
      return new Bytes(bytes, response.metadata());
    } catch (IOException e) {
      in.abort();
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
    }
  }

  /** S3 answered a GetObject with an error that is neither "gone" nor retried away. */
  public static final class S3RequestFailedException extends RuntimeException {
    private final int status;

    S3RequestFailedException(String message, int status) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** The stream's bytes, or null as soon as it has more than {@code max}. */
  static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[65536];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}

package nianbao.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Fetches one object version, streamed, up to a limit: a larger object is aborted, not drained. The exact
 * version of the event is read (by versionId, or by eTag with If-Match on an unversioned bucket), so an event
 * never reads bytes that a later write put under its key.
 */
public final class SourceFetcher {
  private final S3Client s3;

  public SourceFetcher(S3Client s3) {
    this.s3 = s3;
  }

  /** What a fetch found. */
  public sealed interface Fetched permits Bytes, Gone, TooLarge {}

  public record Bytes(byte[] bytes) implements Fetched {}

  /** The object (version) no longer exists or was overwritten: a later event tells what to do. */
  public record Gone(String why) implements Fetched {}

  public record TooLarge(long size) implements Fetched {}

  public Fetched fetch(String bucket, String key, String versionId, String eTag, long maxBytes) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (versionId != null) {
      request.versionId(versionId);
    } else if (eTag != null) {
      request.ifMatch("\"" + eTag + "\"");
    }
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = s3.getObject(request.build());
    } catch (NoSuchKeyException e) {
      return new Gone("no such key");
    } catch (S3Exception e) {
      if (e.statusCode() == 404 || e.statusCode() == 412 || e.statusCode() == 400 && "NoSuchVersion".equals(
          e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())) {
        return new Gone(e.statusCode() == 412 ? "overwritten since the event" : "no such version");
      }
      throw e;
    }
    try {
      Long length = in.response().contentLength();
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
      return new Bytes(bytes);
    } catch (IOException e) {
      in.abort();
      throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
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

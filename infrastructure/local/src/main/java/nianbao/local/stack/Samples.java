package nianbao.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The sample reports a fresh local stack starts with: uploaded like any report, so ingest does the rest. */
final class Samples {
  private Samples() {}

  /** Puts each file of {@code folder} into {@code bucket} under {@code samples/}, unless a restart finds it there. */
  static void load(S3Client s3, String bucket, Path folder) throws IOException {
    if (bucket == null || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        String key = "samples/" + file.getFileName();
        if (!exists(s3, bucket, key)) {
          s3.putObject(r -> r.bucket(bucket).key(key).contentType(ContentTypes.ofReport(file)),
              RequestBody.fromFile(file));
        }
      }
    }
  }

  private static boolean exists(S3Client s3, String bucket, String key) {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}

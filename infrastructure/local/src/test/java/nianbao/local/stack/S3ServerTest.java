package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nianbao.servers.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The local stack's S3 on a folder: versioned buckets as the template declares them, notifications after writes. */
class S3ServerTest {
  @TempDir
  Path dir;

  @Test
  void aBucketOnAFolderKeepsObjectsAndNotifiesEachWrite() {
    // GIVEN s3proxy on a folder
    try (S3Server server = new S3Server(dir, FreePorts.loopback(), List.of(), "http://127.0.0.1:1")) {
      S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
          .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
      s3.createBucket(r -> r.bucket("bkt"));
      List<String> events = new ArrayList<>();
      server.notify("bkt", events::add);
      // WHEN an object is written twice
      s3.putObject(r -> r.bucket("bkt").key("uploads/报告 1.txt"), RequestBody.fromString("one"));
      s3.putObject(r -> r.bucket("bkt").key("uploads/报告 1.txt"), RequestBody.fromString("two"));
      // THEN the later bytes are kept (s3proxy keeps no versions) and each write was announced
      assertEquals("two", s3.getObjectAsBytes(r -> r.bucket("bkt").key("uploads/报告 1.txt")).asUtf8String());
      assertEquals(2, events.size());
      assertTrue(events.get(1).contains("uploads/%E6%8A%A5%E5%91%8A+1.txt"), events.get(1));
    }
  }
}

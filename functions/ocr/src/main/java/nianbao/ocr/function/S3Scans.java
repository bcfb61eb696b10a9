package nianbao.ocr.function;

import nianbao.store.write.UploadedObject;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The uploaded bytes of exactly the object version ingest handed over: by version id, and only while its ETag is
 * the one the event named (an unversioned bucket's key overwritten since is gone for this request, as in ingest).
 */
public final class S3Scans implements OcrJob.Fetcher {
  private final S3Client s3;

  public S3Scans(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public byte[] fetch(UploadedObject upload) {
    try {
      return s3.getObjectAsBytes(r -> r.bucket(upload.bucket()).key(upload.key())
          .versionId(upload.objectVersionId()).ifMatch(upload.eTag())).asByteArray();
    } catch (S3Exception e) {
      if (e.statusCode() == 404 || e.statusCode() == 412) {
        return null; // deleted, or overwritten: its own event says what became of the key
      }
      throw e;
    }
  }
}

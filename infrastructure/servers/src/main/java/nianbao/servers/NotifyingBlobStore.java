package nianbao.servers;

import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * s3proxy sends no event notifications; this blob store sends them. After each successful write
 * (PutObject, CopyObject, CompleteMultipartUpload) it emits {@code ObjectCreated:*}, after each successful delete
 * {@code ObjectRemoved:Delete} or {@code ObjectRemoved:DeleteMarkerCreated}, to the sink registered for the bucket
 * — the notification configuration of a bucket, as S3 has it. A failed write emits nothing, and neither does
 * s3proxy's own bookkeeping: the stub object it keeps while a multipart upload is open is no object of S3's.
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {
  /** s3proxy's stub of an open multipart upload (S3ProxyHandler.MULTIPART_STUB_PREFIX), written and removed. */
  static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

  private final String region;
  private final Map<String, NotificationSink> sinks = new ConcurrentHashMap<>();

  public NotifyingBlobStore(BlobStore delegate, String region) {
    super(delegate);
    this.region = region;
  }

  /** Sends every object event of {@code bucket} to {@code sink} (replacing an earlier one). */
  public void notify(String bucket, NotificationSink sink) {
    sinks.put(bucket, sink);
  }

  public void stopNotifying(String bucket) {
    sinks.remove(bucket);
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
    PutObjectResponse response = super.putBlob(request, input);
    created("ObjectCreated:Put", request.bucket(), request.key(), response.eTag(), response.versionId());
    return response;
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    CopyObjectResponse response = super.copyBlob(request);
    String eTag = response.copyObjectResult() == null ? null : response.copyObjectResult().eTag();
    created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey(), eTag, response.versionId());
    return response;
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
      CompleteMultipartUploadRequest request) {
    CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
    created("ObjectCreated:CompleteMultipartUpload", upload.containerName(), upload.blobName(), response.eTag(),
        response.versionId());
    return response;
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    DeleteObjectResponse response = super.removeBlob(request);
    removed(request.bucket(), request.key(), response.versionId(), Boolean.TRUE.equals(response.deleteMarker()));
    return response;
  }

  @Override
  public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
    DeleteObjectsResponse response = delegate().removeBlobs(request);
    if (response.hasDeleted()) {
      for (DeletedObject deleted : response.deleted()) {
        boolean marker = Boolean.TRUE.equals(deleted.deleteMarker());
        removed(request.bucket(), deleted.key(), marker ? deleted.deleteMarkerVersionId() : deleted.versionId(),
            marker);
      }
    }
    return response;
  }

  /** Whether {@code key} is s3proxy's bookkeeping rather than an object a client wrote. */
  static boolean isMultipartStub(String key) {
    return key != null && key.substring(key.lastIndexOf('/') + 1).startsWith(MULTIPART_STUB_PREFIX);
  }

  private void created(String eventName, String bucket, String key, String eTag, String versionId) {
    NotificationSink sink = sinks.get(bucket);
    if (sink == null || isMultipartStub(key)) {
      return;
    }
    Long size = null;
    try {
      HeadObjectResponse head = delegate().blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key)
          .versionId(versionId).build());
      size = head.contentLength();
      if (eTag == null) {
        eTag = head.eTag();
      }
    } catch (RuntimeException e) {
      // deleted again in the meantime: S3 still reports the write, with what the write itself returned
    }
    sink.deliver(S3Events.json(new S3Events.ObjectEvent(eventName, region, bucket, key, size, eTag, versionId,
        S3Events.nextSequencer(), Instant.now())));
  }

  private void removed(String bucket, String key, String versionId, boolean deleteMarker) {
    NotificationSink sink = sinks.get(bucket);
    if (sink == null || isMultipartStub(key)) {
      return;
    }
    String eventName = deleteMarker ? "ObjectRemoved:DeleteMarkerCreated" : "ObjectRemoved:Delete";
    sink.deliver(S3Events.json(new S3Events.ObjectEvent(eventName, region, bucket, key, null, null, versionId,
        S3Events.nextSequencer(), Instant.now())));
  }
}

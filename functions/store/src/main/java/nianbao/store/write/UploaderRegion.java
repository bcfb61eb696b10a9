package nianbao.store.write;

import nianbao.core.region.Area;
import nianbao.store.item.SourceRecord;

/**
 * An upload asked for by a person limited to a region ({@code custom:region}) stores only reports of that region:
 * the uploader and region travel with the object (its metadata, read by ingest) or, for a scan read later by text
 * recognition, in the object's record ingest wrote first. A report read from it that lies elsewhere is a rejected
 * upload with the reason, and replaces nothing.
 */
final class UploaderRegion {
  private UploaderRegion() {}

  /** {@code store} with the uploader the object's record names, when the event did not carry it. */
  static Change.Store withRecordedUploader(Snapshot read, Change.Store store) {
    UploadedObject upload = store.upload();
    if (upload.uploaderRegion() != null) {
      return store;
    }
    SourceRecord recorded = WriteRules.find(read.uploads(upload.bucket(), upload.key()), upload.objectVersionId());
    if (recorded == null || recorded.uploaderRegion() == null) {
      return store;
    }
    return new Change.Store(store.report(), upload.uploadedBy(recorded.uploadedBy(), recorded.uploaderRegion()));
  }

  /** The rejection of {@code store} when its report lies outside its uploader's region; null when it may be stored. */
  static Change.Reject outside(Change.Store store) {
    Area area = Area.parse(store.upload().uploaderRegion());
    String refusal = area == null ? null : area.refusal(store.report().region());
    return refusal == null ? null : new Change.Reject(store.upload(), store.report().source().format(), refusal,
        store.report().source().name());
  }
}

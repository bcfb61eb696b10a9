package nianbao.store;

/**
 * The file a report version was read from: one object version in the reports bucket, and what it was.
 *
 * @param objectVersionId S3's version of the object (null in an unversioned bucket)
 * @param name            the file's name as uploaded
 */
public record SourceFile(String bucket, String key, String objectVersionId, Long size, String format,
    String name) {}

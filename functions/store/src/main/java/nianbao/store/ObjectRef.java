package nianbao.store;

import nianbao.store.item.Keys;

/**
 * One object version of the reports bucket, as a report version lists the objects that had its bytes. Stored as
 * the text {@code bucket/key#objectVersionId} ({@code null} for an unversioned bucket); only this class reads or
 * writes that text.
 */
public record ObjectRef(String bucket, String key, String objectVersionId) {

  /** Reads the stored text (bucket names have no slash; the version id no {@code #}). */
  public static ObjectRef parse(String text) {
    int slash = text.indexOf('/');
    int hash = text.lastIndexOf('#');
    if (slash < 1 || hash < slash) {
      throw new IllegalArgumentException("not an object reference: " + text);
    }
    String version = text.substring(hash + 1);
    return new ObjectRef(text.substring(0, slash), text.substring(slash + 1, hash),
        version.equals(Keys.sourceVersion(null)) ? null : version);
  }

  /** The stored text. */
  public String text() {
    return text(bucket, key, objectVersionId);
  }

  public static String text(String bucket, String key, String objectVersionId) {
    return bucket + "/" + key + "#" + Keys.sourceVersion(objectVersionId);
  }
}

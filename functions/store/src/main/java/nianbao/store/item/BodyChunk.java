package nianbao.store.item;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** One piece of a compressed report body too large for its version item. */
public record BodyChunk(String reportId, String sha256, String bodyHash, int n, SdkBytes data) {
  public String pk() {
    return Keys.report(reportId);
  }

  public String sk() {
    return Keys.bodyChunk(sha256, bodyHash, n);
  }

  public static final TableSchema<BodyChunk> SCHEMA = new SchemaBuilder<>(BodyChunk.class, BodyChunk::from)
      .string(Keys.PK, BodyChunk::pk, primaryPartitionKey())
      .string(Keys.SK, BodyChunk::sk, primarySortKey())
      .string("reportId", BodyChunk::reportId)
      .string("sha256", BodyChunk::sha256)
      .string("bodyHash", BodyChunk::bodyHash)
      .integer("n", BodyChunk::n)
      .bytes("data", BodyChunk::data)
      .build();

  static BodyChunk from(ItemBuilder b) {
    return new BodyChunk(b.s("reportId"), b.s("sha256"), b.s("bodyHash"), b.i0("n"), b.bytes("data"));
  }
}

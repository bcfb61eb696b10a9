package nianbao.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nianbao.core.roster.RosterEntry;
import nianbao.core.roster.RosterMatching.ReportFacts;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ListScopes;
import nianbao.store.lists.ListSort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The rosters of agencies expected to report, one per year and region, in the table (never in the reports bucket,
 * whose every write is an upload): {@code ROSTER#<year>#<province>#<city or *>} holds {@code META} (count, encoding,
 * who and when) and the entries in parts of {@value #PART} ({@code P#0000}…, JSON arrays {@code [line, name,
 * code]}, ~60 KB each, far below 400 KB). And the stored reports a roster is matched to: the region's and year's
 * list entries (newest order), which carry each report's division code and printed date.
 */
public final class Rosters {
  static final int PART = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbClient dynamo;
  private final String table;

  public Rosters(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** A stored roster. */
  public record Stored(List<RosterEntry> entries, String encoding, String uploadedAt, String uploadedBy) {}

  static String pk(int year, String province, String city) {
    return "ROSTER#" + year + "#" + province + "#" + (city == null ? "*" : city);
  }

  /** Replaces the region's roster of a year: its parts and META (BatchWriteItem), then the parts left over. */
  public void put(int year, String province, String city, List<RosterEntry> entries, String encoding, String by,
      String now) {
    String pk = pk(year, province, city);
    int oldParts = get(year, province, city).map(s -> (s.entries().size() + PART - 1) / PART).orElse(0);
    List<WriteRequest> writes = new ArrayList<>();
    int parts = (entries.size() + PART - 1) / PART;
    for (int p = 0; p < parts; p++) {
      ArrayNode part = JSON.createArrayNode();
      for (RosterEntry e : entries.subList(p * PART, Math.min(entries.size(), (p + 1) * PART))) {
        part.addArray().add(e.line()).add(e.name()).add(e.regionCode());
      }
      writes.add(BatchWriter.put(Map.of(Keys.PK, s(pk), Keys.SK, s(partKey(p)), "entries", s(part.toString()))));
    }
    Map<String, AttributeValue> meta = new HashMap<>(Map.of(Keys.PK, s(pk), Keys.SK, s("META"),
        "count", AttributeValue.fromN(Integer.toString(entries.size())), "parts", AttributeValue.fromN(
            Integer.toString(parts)), "encoding", s(encoding), "uploadedAt", s(now)));
    if (by != null) {
      meta.put("uploadedBy", s(by));
    }
    writes.add(BatchWriter.put(meta));
    for (int p = parts; p < oldParts; p++) {
      writes.add(BatchWriter.delete(Map.of(Keys.PK, s(pk), Keys.SK, s(partKey(p)))));
    }
    new BatchWriter(dynamo, table).write(writes);
  }

  /** The region's roster of a year, or empty: one Query of its partition. */
  public Optional<Stored> get(int year, String province, String city) {
    Map<String, AttributeValue> meta = null;
    List<RosterEntry> entries = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse r = dynamo.query(q -> q.tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk(year, province, city))))
          .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : r.items()) {
        if (item.get(Keys.SK).s().equals("META")) {
          meta = item;
          continue;
        }
        try {
          for (JsonNode e : JSON.readTree(item.get("entries").s())) {
            entries.add(new RosterEntry(e.get(0).asInt(), e.get(1).asText(), e.get(2).isNull() ? null : e.get(2).asText()));
          }
        } catch (java.io.IOException ex) {
          throw new IllegalStateException("roster part " + item.get(Keys.SK).s() + " is not JSON", ex);
        }
      }
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    if (meta == null) {
      return Optional.empty();
    }
    AttributeValue by = meta.get("uploadedBy");
    return Optional.of(new Stored(List.copyOf(entries), meta.get("encoding").s(), meta.get("uploadedAt").s(),
        by == null ? null : by.s()));
  }

  /**
   * Every stored report of a year and region (rejected uploads have no year): the newest order's list entries of
   * that scope, one index partition read to its end — as many items as the region has reports that year.
   */
  public List<ReportFacts> reports(int year, String province, String city) {
    int depth = city != null ? 2 : 1;
    String partition = ListScopes.key(ListEntry.family(ListSort.NEWEST.code()), year, depth, province, city, null);
    String index = ListScopes.index(true, depth);
    String attribute = ListScopes.attribute(true, depth);
    List<ReportFacts> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(index).keyConditionExpression("#h = :h")
          .expressionAttributeNames(Map.of("#h", attribute)).expressionAttributeValues(Map.of(":h", s(partition)))
          .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : r.items()) {
        ListEntry e = ListEntry.SCHEMA.mapToItem(item);
        out.add(new ReportFacts(e.reportId(), e.agency(), e.regionCode(), e.province(), e.city(), e.county(),
            e.year(), e.printedDate(), e.printedDateKind(), e.agencyKey()));
      }
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  private static String partKey(int p) {
    return String.format("P#%04d", p);
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }
}

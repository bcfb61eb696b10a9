package nianbao.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.store.item.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the summary items the write path keeps ({@code SUM#<year>#<province>#<city>}, counts added in each
 * report's own transaction): one GetItem for a scope, one BatchGetItem per 100 scopes for several.
 */
final class SummaryReads {
  private final DynamoDbClient dynamo;
  private final String tableName;

  SummaryReads(DynamoDbClient dynamo, String tableName) {
    this.dynamo = dynamo;
    this.tableName = tableName;
  }

  /** The summary of a scope (null = all); a scope nothing has been counted in yet is all zeros. */
  Summary summary(Integer year, String province, String city) {
    return summary(year, province, city, null);
  }

  /** The summary of a scope down to a county ({@code city} null for a county without a city). */
  Summary summary(Integer year, String province, String city, String county) {
    if ((city != null || county != null) && province == null) {
      throw new IllegalArgumentException("a city's or county's summary needs its province");
    }
    GetItemResponse response = dynamo.getItem(r -> r.tableName(tableName).consistentRead(true)
        .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.summary(year, province, city, county)),
            Keys.SK, AttributeValue.fromS(Keys.SUMMARY))));
    return response.hasItem() ? summaryOf(response.item())
        : new Summary(year, province, city, county, new LinkedHashMap<>(), null);
  }

  /** The summaries of a region (down to a county) in each of {@code years} that has one, oldest first. */
  List<Summary> years(List<Integer> years, String province, String city, String county) {
    List<Summary> out = summariesOf(years.stream().map(y -> Keys.summary(y, province, city, county)).toList());
    out.sort(Comparator.comparing(Summary::year));
    return out;
  }

  List<Summary> provinces(int year, Collection<String> provinces) {
    return summariesOf(provinces.stream().map(p -> Keys.summary(year, p, null)).toList());
  }

  List<Summary> cities(int year, String province, Collection<String> cities) {
    return summariesOf(cities.stream().map(c -> Keys.summary(year, province, c)).toList());
  }

  /** The counties of a city ({@code city} null: the province's counties without a city) that have a summary. */
  List<Summary> counties(int year, String province, String city, Collection<String> counties) {
    return summariesOf(counties.stream().map(c -> Keys.summary(year, province, city, c)).toList());
  }

  /** The summary items of these scopes that exist, in no order (a BatchGetItem per 100, unprocessed keys again). */
  private List<Summary> summariesOf(List<String> scopes) {
    List<Summary> out = new ArrayList<>();
    for (int from = 0; from < scopes.size(); from += 100) {
      List<Map<String, AttributeValue>> keys = scopes.subList(from, Math.min(scopes.size(), from + 100)).stream()
          .map(scope -> Map.of(Keys.PK, AttributeValue.fromS(scope), Keys.SK, AttributeValue.fromS(Keys.SUMMARY)))
          .toList();
      Map<String, KeysAndAttributes> request =
          Map.of(tableName, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
      while (!request.isEmpty() && !request.get(tableName).keys().isEmpty()) {
        var asked = request;
        var response = dynamo.batchGetItem(r -> r.requestItems(asked));
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
          out.add(summaryOf(item));
        }
        if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
          break;
        }
        request = response.unprocessedKeys();
      }
    }
    return out;
  }

  /**
   * A summary item as its scope's {@link Summary}; the scope from its key {@code SUM#<year>#<province>#<city>}, a
   * county's with {@code #<county>} after it.
   */
  private static Summary summaryOf(Map<String, AttributeValue> item) {
    String[] scope = item.get(Keys.PK).s().split("#", -1);
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    item.forEach((k, v) -> {
      if (v.n() != null) {
        values.put(k, new BigDecimal(v.n()));
      }
    });
    AttributeValue updated = item.get("updatedAt");
    return new Summary(scope[1].equals("*") ? null : Integer.valueOf(scope[1]), star(scope[2]), star(scope[3]),
        scope.length > 4 ? scope[4] : null, values, updated == null ? null : updated.s());
  }

  private static String star(String part) {
    return part.equals("*") ? null : part;
  }
}

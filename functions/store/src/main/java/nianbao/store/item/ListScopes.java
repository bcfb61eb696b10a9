package nianbao.store.item;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scopes a list item is filed under — every (year or all years) × (the country, its province, its city, its
 * county) it belongs to — and which existing index serves each. Eight scopes, eight of the table's index
 * partition attributes: one item is found in all of them with one sort key ({@code ord}), so a list needs no index
 * of its own (functions/store/README.md, "Lists").
 */
public final class ListScopes {
  private ListScopes() {}

  /** Region depth: 0 the country, 1 a province, 2 a city, 3 a county. */
  public static final int DEPTHS = 4;

  /** The index partition attribute of each scope, by [year given ? 1 : 0][depth]. */
  private static final String[][] ATTRIBUTE = {
      {"listKey", "provinceKey", "cityKey", "statusKey"},
      {"yearKey", "yearProvinceKey", "yearCityKey", "yearStatusKey"}};
  private static final String[][] INDEX = {
      {Keys.BY_NEWEST, Keys.BY_PROVINCE, Keys.BY_CITY, Keys.BY_STATUS},
      {Keys.BY_YEAR, Keys.BY_YEAR_PROVINCE, Keys.BY_YEAR_CITY, Keys.BY_YEAR_STATUS}};

  /** Every index a list item can be found in; the schemas tag the attributes with them. */
  public static final List<String> INDEXES = List.of(Keys.BY_NEWEST, Keys.BY_PROVINCE, Keys.BY_CITY,
      Keys.BY_STATUS, Keys.BY_YEAR, Keys.BY_YEAR_PROVINCE, Keys.BY_YEAR_CITY, Keys.BY_YEAR_STATUS);

  public static String attribute(boolean year, int depth) {
    return ATTRIBUTE[year ? 1 : 0][depth];
  }

  public static String index(boolean year, int depth) {
    return INDEX[year ? 1 : 0][depth];
  }

  /**
   * The partition value of a scope: {@code family|year-or-*|province|city|county}, as deep as the scope goes;
   * a missing city (a province-administered county, a municipality's district) is empty.
   */
  public static String key(String family, Integer year, int depth, String province, String city, String county) {
    StringBuilder b = new StringBuilder(family).append('|').append(year == null ? "*" : year.toString());
    if (depth >= 1) {
      b.append('|').append(province);
    }
    if (depth >= 2) {
      b.append('|').append(city == null ? "" : city);
    }
    if (depth >= 3) {
      b.append('|').append(county);
    }
    return b.toString();
  }

  /** The scope keys an item with this year and region is filed under, by attribute name. */
  public static Map<String, String> of(String family, Integer year, String province, String city, String county) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int y = 0; y < 2; y++) {
      if (y == 1 && year == null) {
        continue;
      }
      Integer scopeYear = y == 1 ? year : null;
      for (int depth = 0; depth < DEPTHS; depth++) {
        if (depth == 1 && province == null || depth == 2 && (province == null || city == null)
            || depth == 3 && (province == null || county == null)) {
          continue;
        }
        out.put(attribute(y == 1, depth), key(family, scopeYear, depth, province, city, county));
      }
    }
    return out;
  }

  /** Tags a schema with the eight scope attributes, each the partition key of its index. */
  static <T> void addScopeKeys(SchemaBuilder<T> schema, java.util.function.BiFunction<T, String, String> scope) {
    for (boolean year : new boolean[] {false, true}) {
      for (int depth = 0; depth < DEPTHS; depth++) {
        String attribute = attribute(year, depth);
        schema.string(attribute, item -> scope.apply(item, attribute),
            software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey(
                index(year, depth)));
      }
    }
  }

  /** The administrative level of an agency, from the deepest part of its region. */
  public static String level(String province, String city, String county) {
    return county != null ? "COUNTY" : city != null ? "CITY" : province != null ? "PROVINCE" : "NONE";
  }

  public static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY", "NONE");
}

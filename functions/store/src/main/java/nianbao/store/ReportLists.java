package nianbao.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The lists of {@code GET /reports}: each supported filter combination one index query, never a scan. */
final class ReportLists {
  private final DynamoDbTable<ReportHead> heads;
  private final DynamoDbTable<RuleFindings> rules;

  ReportLists(DynamoDbTable<ReportHead> heads, DynamoDbTable<RuleFindings> rules) {
    this.heads = heads;
    this.rules = rules;
  }

  /**
   * A page of reports, newest first (year, then upload time), for one supported combination of filters. Each
   * combination is one index query: see functions/store/README.md.
   *
   * @throws UnsupportedFilterException for a combination no index answers
   * @throws IllegalArgumentException for a malformed cursor
   */
  Page<ReportRow> list(ListFilter f, int limit, String cursor) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1…1000");
    }
    boolean y = f.year() != null;
    boolean p = f.province() != null;
    boolean c = f.city() != null;
    boolean s = f.status() != null;
    boolean r = f.rule() != null;
    boolean a = f.agency() != null;
    if (c && !p) {
      throw new UnsupportedFilterException(f.describe() + "（city 需要同时给出 province）");
    }
    if (c) {
      // the smallest region partitions: status, rule and agency (anywhere in the name) filter within them
      String index = y ? Keys.BY_YEAR_CITY : Keys.BY_CITY;
      String pk = (y ? f.year() + "#" : "") + f.province() + "#" + f.city();
      return headPage(index, pk, cityFilter(f), limit, cursor);
    }
    if (s && (r || a || p)) {
      throw new UnsupportedFilterException(f.describe());
    }
    if (r) {
      if (p || a) {
        throw new UnsupportedFilterException(f.describe());
      }
      String index = y ? Keys.BY_YEAR_RULE : Keys.BY_RULE;
      return rulePage(index, y ? f.year() + "#" + f.rule() : f.rule(), limit, cursor);
    }
    if (a) {
      if (p) {
        throw new UnsupportedFilterException(f.describe());
      }
      return agencyPage(f, limit, cursor);
    }
    if (p) {
      return y ? headPage(Keys.BY_YEAR_PROVINCE, f.year() + "#" + f.province(), null, limit, cursor)
          : headPage(Keys.BY_PROVINCE, f.province(), null, limit, cursor);
    }
    if (s) {
      return y ? headPage(Keys.BY_YEAR_STATUS, f.year() + "#" + f.status(), null, limit, cursor)
          : headPage(Keys.BY_STATUS, f.status(), null, limit, cursor);
    }
    return y ? headPage(Keys.BY_YEAR, f.year().toString(), null, limit, cursor)
        : headPage(Keys.BY_NEWEST, Keys.LIST_ALL, null, limit, cursor);
  }

  private static Expression cityFilter(ListFilter f) {
    List<String> parts = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    if (f.status() != null) {
      parts.add("#st = :st");
      names.put("#st", "status");
      values.put(":st", AttributeValue.fromS(f.status()));
    }
    if (f.rule() != null) {
      parts.add("contains(#ru, :ru)");
      names.put("#ru", "ruleIds");
      values.put(":ru", AttributeValue.fromS(f.rule()));
    }
    if (f.agency() != null) {
      parts.add("contains(#an, :an)");
      names.put("#an", "agencyNorm");
      values.put(":an", AttributeValue.fromS(Identity.normaliseAgency(f.agency())));
    }
    if (parts.isEmpty()) {
      return null;
    }
    return Expression.builder().expression(String.join(" AND ", parts)).expressionNames(names)
        .expressionValues(values).build();
  }

  private Page<ReportRow> agencyPage(ListFilter f, int limit, String cursor) {
    String prefix = Identity.normaliseAgency(f.agency());
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("agency prefix is empty");
    }
    String initial = prefix.substring(0, prefix.offsetByCodePoints(0, 1));
    Expression filter = f.year() == null ? null : Expression.builder().expression("#y = :y")
        .putExpressionName("#y", "year").putExpressionValue(":y", AttributeValue.fromN(f.year().toString())).build();
    return page(heads.index(Keys.BY_AGENCY), Keys.BY_AGENCY,
        QueryConditional.sortBeginsWith(k -> k.partitionValue(initial).sortValue(prefix)), filter, true, limit,
        cursor, ReportRow::of);
  }

  private Page<ReportRow> headPage(String index, String partition, Expression filter, int limit, String cursor) {
    return page(heads.index(index), index, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), filter,
        false, limit, cursor, ReportRow::of);
  }

  private Page<ReportRow> rulePage(String index, String partition, int limit, String cursor) {
    return page(rules.index(index), index, QueryConditional.keyEqualTo(k -> k.partitionValue(partition)), null,
        false, limit, cursor, ReportRow::of);
  }

  /** Pages through one index partition until {@code limit} rows pass the filter or the partition ends. */
  private <T> Page<ReportRow> page(DynamoDbIndex<T> index, String indexName, QueryConditional condition,
      Expression filter, boolean forward, int limit, String cursor, Function<T, ReportRow> row) {
    Map<String, AttributeValue> start = Cursor.decode(indexName, cursor);
    List<ReportRow> rows = new ArrayList<>();
    Map<String, AttributeValue> last = null;
    while (true) {
      QueryEnhancedRequest.Builder q = QueryEnhancedRequest.builder().queryConditional(condition)
          .scanIndexForward(forward).limit(limit - rows.size()).exclusiveStartKey(start);
      if (filter != null) {
        q.filterExpression(filter);
      }
      SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages = index.query(q.build());
      var page = pages.iterator().next();
      page.items().forEach(item -> rows.add(row.apply(item)));
      last = page.lastEvaluatedKey();
      if (last == null || last.isEmpty() || rows.size() >= limit) {
        break;
      }
      start = last;
    }
    return new Page<>(rows, Cursor.encode(indexName, last));
  }

}

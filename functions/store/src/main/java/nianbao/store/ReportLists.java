package nianbao.store;

import nianbao.store.lists.ListReader;
import nianbao.store.lists.ListSort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The lists of {@code GET /reports}: any filter combination in any order ({@link ListReader}). */
final class ReportLists {
  private final ListReader reader;

  ReportLists(DynamoDbClient dynamo, String table) {
    this.reader = new ListReader(dynamo, table);
  }

  Page<ReportRow> list(ListFilter f, ListSort sort, int limit, String cursor) {
    return reader.list(f, sort, limit, cursor);
  }

  Page<ReportRow> ranking(ListFilter f, ListSort by, boolean ascending, int limit, String cursor) {
    return reader.ranking(f, by, ascending, limit, cursor);
  }
}

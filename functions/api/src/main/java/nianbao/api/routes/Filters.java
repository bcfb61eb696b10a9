package nianbao.api.routes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import nianbao.api.http.Params;
import nianbao.api.http.CursorSeal;
import nianbao.api.http.Problem;
import nianbao.api.http.Request;
import nianbao.api.http.Route.Param;
import nianbao.core.review.ReviewStates;
import nianbao.store.ListFilter;
import nianbao.store.lists.ListSort;

/**
 * The filters of {@code GET /reports} and the exports, and the API's cursors: the store's cursor with a
 * fingerprint of the filter, so a cursor is refused by any other list (not only by another index), sealed
 * ({@link CursorSeal}) so that only cursors the API gave out are accepted.
 */
final class Filters {
  private Filters() {}

  static final List<String> NAMES = List.of("year", "province", "city", "county", "level", "status", "rule", "agency",
      "review", "sort");

  static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY", "NONE");

  static final List<Param> PARAMS = List.of(
      Param.query("year", SharedParameters.YEAR_SCHEMA, "报告年度"),
      Param.query("province", SharedParameters.TEXT_SCHEMA, "省级行政区，如 河南省"),
      Param.query("city", SharedParameters.TEXT_SCHEMA, "地级行政区，如 新乡市（需同时给出 province）"),
      Param.query("county", SharedParameters.TEXT_SCHEMA,
          "县级行政区，如 新乡县（需同时给出 province 与 city；省直辖的县级市、直辖市的区不给 city）"),
      Param.query("level", "{\"type\":\"string\",\"enum\":[\"PROVINCE\",\"CITY\",\"COUNTY\",\"NONE\"]}",
          "机关层级（由所属行政区得出）：PROVINCE 省级，CITY 市级，COUNTY 县级，NONE 未识别行政区"),
      Param.query("status", "{\"type\":\"string\",\"enum\":[\"VALID\",\"HAS_ERRORS\",\"REJECTED\"]}",
          "状态：VALID 无错误，HAS_ERRORS 有错误，REJECTED 无法读取的上传"),
      Param.query("rule", "{\"type\":\"string\",\"enum\":" + SharedParameters.RULES.stream().map(s -> "\"" + s + "\"")
          .toList() + "}", "含有该规则发现的报告"),
      Param.query("agency", SharedParameters.TEXT_SCHEMA,
          "机关名称的任一部分（规范化后比较，如 洪泽 匹配 淮安市洪泽区人民政府）"),
      Param.query("review", "{\"type\":\"string\",\"enum\":" + ReviewStates.ALL.stream().map(s -> "\"" + s + "\"")
          .toList() + "}", "审核状态：PENDING 待审核，REVIEWED 已审核，NOTIFIED 已通知整改，RECTIFIED 已整改"),
      Param.query("sort", "{\"type\":\"string\",\"enum\":" + ListSort.codes().stream().map(c -> "\"" + c + "\"")
          .toList() + ",\"default\":\"newest\"}",
          "排序：newest 最新年度与上传在前，errors 错误最多在前，agency 按机关名称；指标代码（" + String.join("、",
              nianbao.core.indicators.Indicator.codes()) + "）按该指标从高到低，分母小于 10 的排在其后，无法计算的最后"));

  static ListFilter read(Request r, Clock clock) {
    String agency = Params.text(r, "agency", 100);
    if (agency != null && nianbao.store.Identity.normaliseAgency(agency).isEmpty()) {
      throw Problem.badParameter("agency", "参数 agency “" + agency + "” 规范化后为空（只含空白或标点）");
    }
    return new ListFilter(Params.year(r, "year", clock), Params.place(r, "province"),
        Params.place(r, "city"), Params.place(r, "county"), Params.oneOf(r, "level", LEVELS),
        Params.oneOf(r, "status", SharedParameters.STATUSES), Params.oneOf(r, "rule", SharedParameters.RULES),
        Params.text(r, "agency", 100), Params.oneOf(r, "review", ReviewStates.ALL));
  }

  /** The order asked for ({@code sort=}), newest by default. */
  static ListSort sort(Request r) {
    String code = Params.text(r, "sort", 20);
    if (code == null) {
      return ListSort.NEWEST;
    }
    if (!ListSort.codes().contains(code)) {
      throw Problem.badParameter("sort", "参数 sort 的值 “" + code + "” 无效；可选：" + String.join("、", ListSort.codes()))
          .with("allowed", ListSort.codes());
    }
    return ListSort.of(code);
  }

  static String fingerprint(ListFilter f, ListSort sort) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((f + "|" + sort).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String wrapCursor(ListFilter f, ListSort sort, String storeCursor) {
    if (storeCursor == null) {
      return null;
    }
    return CursorSeal.system().seal(fingerprint(f, sort) + "." + storeCursor);
  }

  /** The store's cursor inside an API cursor of this filter and order; a 400 for anything else, forged ones included. */
  static String unwrapCursor(ListFilter f, ListSort sort, String cursor) {
    if (cursor == null) {
      return null;
    }
    String text = CursorSeal.system().open(cursor);
    int dot = text == null ? -1 : text.indexOf('.');
    if (dot < 0 || dot + 1 >= text.length()) {
      throw Problem.badParameter("cursor", "参数 cursor 无效（格式有误或被改动）：应原样使用上一页返回的 cursor");
    }
    if (!text.substring(0, dot).equals(fingerprint(f, sort))) {
      throw Problem.badParameter("cursor", "参数 cursor 属于另一组筛选条件；翻页时筛选条件须保持不变");
    }
    return text.substring(dot + 1);
  }
}

package nianbao.core.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Tuple;
import nianbao.core.model.Applications;
import nianbao.core.model.ReviewAndLitigation;

/**
 * Random consistent 2021-template reports: table B from random applicant counts per outcome row with every
 * total computed (so B2 and B3 hold) and the carry-over rows chosen so that B1 holds; table C groups with
 * their totals (C1); table A counts and a 4-decimal fee; a title and short narrative sections.
 */
final class GeneratedReports {
  private GeneratedReports() {}

  private static final List<String> AGENCIES = List.of("新乡县人民政府", "卫辉市商务局", "郏县自然资源局",
      "平潭综合实验区管委会", "洛阳市瀍河回族区科技和工业信息化局", "杭州市西湖区教育局", "成都市武侯区人民政府办公室",
      "福州市鼓楼区卫生健康局");

  // Narrative without digits, place names or numbered headings: the tests are about the tables, and
  // figures in the text would bring in rule X1, names rule X3.
  private static final List<String> OVERVIEW = List.of(
      "本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。",
      "围绕中心工作，持续加强政府信息主动公开，及时准确发布政策文件和工作动态。",
      "严格按照法定程序办理依申请公开事项，保障申请人的合法权益。",
      "健全政府信息管理制度，规范发布审核流程，确保信息发布安全。",
      "加强政府网站和政务新媒体平台建设，提升信息发布的时效性。",
      "强化监督保障，将政务公开工作纳入年度考核。");
  private static final List<String> PROBLEMS = List.of(
      "信息公开的深度和广度仍有不足，政策解读形式较为单一。",
      "工作人员业务水平有待提升，公开内容的规范性需进一步加强。",
      "下一步将加强业务培训，丰富政策解读形式，及时回应社会关切。",
      "我们将进一步完善公开目录，推动政务公开工作不断取得新成效。");
  private static final List<String> OTHER = List.of(
      "本年度未收取信息处理费。", "无其他需要报告的事项。", "本机关无收取信息处理费等其他需要报告的事项。");

  static Arbitrary<GeneratedReport> consistentReports() {
    return Builders.withBuilder(Draft::new)
        .use(Arbitraries.of(AGENCIES)).inSetter((d, v) -> d.agency = v)
        .use(Arbitraries.integers().between(2021, 2024)).inSetter((d, v) -> d.year = v)
        .use(sentences(OVERVIEW, 4)).inSetter((d, v) -> d.overview = v)
        .use(sentences(PROBLEMS, 3)).inSetter((d, v) -> d.problems = v)
        .use(sentences(OTHER, 1)).inSetter((d, v) -> d.other = v)
        .use(documentCounts()).inSetter((d, v) -> d.documentCounts = v)
        .use(decisions()).inSetter((d, v) -> d.decisions = v)
        .use(fee()).inSetter((d, v) -> d.fee = v)
        .use(applications()).inSetter((d, v) -> d.applications = v)
        .use(review()).inSetter((d, v) -> d.review = v)
        .build(Draft::build);
  }

  private static final class Draft {
    String agency;
    int year;
    List<String> overview;
    List<String> problems;
    List<String> other;
    Map<String, List<Long>> documentCounts;
    Map<String, Long> decisions;
    String fee;
    Map<String, List<Long>> applications;
    Map<String, List<Long>> review;

    GeneratedReport build() {
      return new GeneratedReport(agency, year, overview, problems, other, documentCounts, decisions, fee,
          applications, review);
    }
  }

  private static Arbitrary<List<String>> sentences(List<String> pool, int max) {
    return Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(max).uniqueElements();
  }

  /** Mostly 0, as in real reports, sometimes a few, now and then a larger count. */
  private static Arbitrary<Long> count(long few, long many) {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(0L)),
        Tuple.of(3, Arbitraries.longs().between(1, few)),
        Tuple.of(1, Arbitraries.longs().between(few + 1, many)));
  }

  private static Arbitrary<Map<String, List<Long>>> documentCounts() {
    Arbitrary<List<Long>> regulations = count(3, 40).list().ofSize(3);
    Arbitrary<List<Long>> normative = count(20, 900).list().ofSize(3);
    return regulations.flatMap(r -> normative.map(n -> ordered(GeneratedReport.DOCUMENT_ROWS, List.of(r, n))));
  }

  private static Arbitrary<Map<String, Long>> decisions() {
    return Arbitraries.longs().between(0, 20_000).list().ofSize(3).map(values -> {
      Map<String, Long> out = new LinkedHashMap<>();
      for (int i = 0; i < 3; i++) {
        out.put(GeneratedReport.DECISION_ROWS.get(i), values.get(i));
      }
      return out;
    });
  }

  /** 万元 with the 4 decimals the header asks for ("7504.2371", "0.0500"). */
  private static Arbitrary<String> fee() {
    return Arbitraries.longs().between(0, 20_000).flatMap(whole -> Arbitraries.integers().between(0, 9999)
        .map(fraction -> String.format("%d.%04d", whole, fraction)));
  }

  /**
   * Table B. Each outcome row is either all zero or random applicant counts; the totals are sums, and
   * 上年结转 / 结转下年度 are drawn so that 新收 = 总计 + 结转下年度 − 上年结转 stays ≥ 0 (B1).
   */
  private static Arbitrary<Map<String, List<Long>>> applications() {
    Arbitrary<List<Long>> activeRow = Arbitraries.frequencyOf(
            Tuple.of(2, count(9, 150)), Tuple.of(1, count(3, 30)))
        .list().ofSize(6);
    Arbitrary<List<Long>> outcomeRow = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Collections.nCopies(6, 0L))), Tuple.of(2, activeRow));
    Arbitrary<List<List<Long>>> outcomes = outcomeRow.list().ofSize(Applications.OUTCOME_ROWS.size())
        .filter(rows -> rows.stream().flatMap(List::stream).anyMatch(v -> v > 0));
    Arbitrary<List<Long>> carried = count(3, 12).list().ofSize(6);
    return outcomes.flatMap(rows -> carried.flatMap(forward -> carried.map(over -> tableB(rows, forward, over))));
  }

  private static Map<String, List<Long>> tableB(List<List<Long>> outcomes, List<Long> forward, List<Long> over) {
    Map<String, List<Long>> table = new LinkedHashMap<>();
    long[] total = new long[6];
    for (int r = 0; r < outcomes.size(); r++) {
      table.put(Applications.OUTCOME_ROWS.get(r), withRowTotal(outcomes.get(r)));
      for (int c = 0; c < 6; c++) {
        total[c] += outcomes.get(r).get(c);
      }
    }
    List<Long> received = new ArrayList<>();
    List<Long> carriedOver = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      long over0 = Math.min(over.get(c), total[c] + forward.get(c));
      carriedOver.add(over0);
      received.add(total[c] + forward.get(c) - over0);
    }
    Map<String, List<Long>> ordered = new LinkedHashMap<>();
    ordered.put("newReceived", withRowTotal(received));
    ordered.put("carriedOver", withRowTotal(carriedOver));
    ordered.putAll(table);
    ordered.put("total", withRowTotal(toList(total)));
    ordered.put("carriedForward", withRowTotal(forward));
    return Collections.unmodifiableMap(ordered);
  }

  private static Arbitrary<Map<String, List<Long>>> review() {
    Arbitrary<List<Long>> group = count(4, 30).list().ofSize(4).map(GeneratedReports::withRowTotal);
    return group.list().ofSize(3).map(groups -> ordered(ReviewAndLitigation.GROUPS, groups));
  }

  /** The cells followed by their sum: a row of table B (six applicants + 总计) or a group of table C. */
  static List<Long> withRowTotal(List<Long> cells) {
    List<Long> out = new ArrayList<>(cells);
    out.add(cells.stream().mapToLong(Long::longValue).sum());
    return List.copyOf(out);
  }

  private static List<Long> toList(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  private static <T> Map<String, T> ordered(List<String> keys, List<T> values) {
    Map<String, T> out = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(out);
  }
}

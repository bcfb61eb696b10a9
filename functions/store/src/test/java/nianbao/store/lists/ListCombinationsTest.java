package nianbao.store.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import nianbao.servers.LocalDynamoDb;
import nianbao.store.Identity;
import nianbao.store.ListFilter;
import nianbao.store.ObjectRef;
import nianbao.store.Page;
import nianbao.store.ReportRow;
import nianbao.store.ReportStore;
import nianbao.store.UnsupportedFilterException;
import nianbao.store.item.Keys;
import nianbao.store.item.ListScopes;
import nianbao.store.item.ReportHead;
import nianbao.store.write.ReportWriter;
import nianbao.store.write.UploadedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every filter combination, in every order, paged to the end, answers exactly the rows a filter over all stored
 * heads gives, in the same order — on DynamoDB Local, with reports stored, replaced, rejected and removed through
 * the store's write path. And every page reads a bounded number of items.
 */
class ListCombinationsTest {
  private static LocalTable local;
  private static ReportStore store;
  private static List<ReportHead> heads;

  @BeforeAll
  static void fill() {
    local = new LocalTable(LocalDynamoDb.inMemory());
    store = new ReportStore(local.dynamo, local.table);
    ReportWriter writer = new ReportWriter(store);
    GeneratedReports gen = new GeneratedReports(15);
    List<ObjectRef> stored = new ArrayList<>();
    for (int i = 0; i < 170; i++) {
      UploadedObject upload = new UploadedObject(GeneratedReports.BUCKET, "uploads/" + i + ".txt", "v" + i,
          "e" + i, 1000L, String.format("%016X", i + 1), GeneratedReports.T0.plusSeconds(i));
      if (gen.chance(1)) {
        writer.reject(upload, "pdf", "不是报告", i + ".pdf");
        continue;
      }
      writer.store(gen.report(gen.place(), gen.body(), gen.year(), i), upload);
      stored.add(upload.ref());
    }
    for (int i = 0; i < 8; i++) {
      writer.removeObject(stored.get(i * 13), GeneratedReports.T0.plusSeconds(1000 + i));
    }
    heads = allHeads();
  }

  @AfterAll
  static void close() {
    local.close();
  }

  private static List<ReportHead> allHeads() {
    List<ReportHead> out = new ArrayList<>();
    local.dynamo.scanPaginator(r -> r.tableName(local.table).filterExpression("sk = :h")
        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(Keys.HEAD)))).items()
        .forEach(item -> out.add(ReportHead.SCHEMA.mapToItem(item)));
    return out;
  }

  private static final List<String> DIMENSIONS =
      List.of("year", "province", "city", "county", "level", "status", "rule", "agency");

  @Test
  void everyCombinationInEveryOrderAnswersWhatAFilterOverAllReportsGives() {
    assertTrue(heads.size() > 100, "reports stored: " + heads.size());
    assertTrue(heads.stream().anyMatch(ReportHead::rejected));
    Random random = new Random(7);
    int checked = 0;
    for (int mask = 0; mask < 1 << DIMENSIONS.size(); mask++) {
      for (int anchor = 0; anchor < 2; anchor++) {
        ListFilter f = filter(mask, heads.get(random.nextInt(heads.size())), random);
        boolean regionless = (f.city() != null || f.county() != null) && f.province() == null;
        // the three orders of the list, and one indicator's order (the indicators share one code path)
        List<ListSort> sorts = List.of(ListSort.NEWEST, ListSort.ERRORS, ListSort.AGENCY,
            INDICATOR_SORTS.get(random.nextInt(INDICATOR_SORTS.size())));
        for (ListSort sort : sorts) {
          if (regionless) {
            assertThrows(UnsupportedFilterException.class, () -> store.list(f, sort, 10, null));
            continue;
          }
          int limit = random.nextBoolean() ? 4 : 40;
          assertEquals(expected(f, sort), listed(f, sort, limit), f + " " + sort + " limit " + limit);
          checked++;
        }
      }
    }
    assertEquals(1280, checked); // 160 combinations with their province, two valuings, four orders
  }

  private static final List<ListSort> INDICATOR_SORTS =
      java.util.Arrays.stream(ListSort.values()).filter(s -> s.indicator() != null).toList();

  @Test
  void eachIndicatorsOrderIsRankedSharesHighestFirstThenSmallBasesThenUnknown() {
    ListFilter year = new ListFilter(2022, null, null, null, null, null, null, null);
    for (ListSort sort : INDICATOR_SORTS) {
      for (ListFilter f : List.of(ListFilter.none(), year)) {
        List<ReportRow> rows = listed(f, sort, 40);
        assertEquals(expected(f, sort), rows, sort + " " + f);
        List<nianbao.core.indicators.Share> shares = rows.stream()
            .map(r -> nianbao.store.IndicatorFigures.read(r.indicators()).get(sort.indicator())).toList();
        int classes = 3;
        Double previous = null;
        for (var share : shares) {
          int c = share == null || share.value() == null ? 0 : share.smallBase() ? 1 : 2;
          assertTrue(c <= classes, sort + ": class " + c + " after " + classes);
          if (c < classes) {
            previous = null;
          }
          classes = c;
          if (c > 0) {
            assertTrue(previous == null || previous >= share.value(), sort + ": " + share.value() + " after " + previous);
            previous = share.value();
          }
        }
        assertTrue(shares.stream().anyMatch(s -> s != null && s.ranked()), sort + " has ranked reports");
      }
    }
  }

  @Test
  void aRankingIsTheYearsReportsOfTheRegionTheOrderRanksHighestOrLowestFirst() {
    Random random = new Random(11);
    int checked = 0;
    for (ReportHead anchor : heads.subList(0, 30)) {
      if (anchor.rejected() || anchor.year() == null) {
        continue;
      }
      int depth = random.nextInt(3);
      ListFilter f = new ListFilter(anchor.year(), depth > 0 ? anchor.province() : null,
          depth > 1 ? anchor.city() : null, null, null, null, null, null);
      if (f.province() == null && depth > 0 || f.city() != null && f.province() == null) {
        continue;
      }
      ListSort by = random.nextBoolean() ? ListSort.ERRORS : INDICATOR_SORTS.get(random.nextInt(INDICATOR_SORTS.size()));
      for (boolean ascending : new boolean[] {false, true}) {
        Comparator<ReportHead> order = (a, b) -> Merge.compareCodePoints(by.value(a), by.value(b));
        List<ReportRow> expected = heads.stream().filter(h -> matches(f, h))
            .filter(h -> by.indicator() == null
                || nianbao.store.IndicatorFigures.read(h.indicators()).get(by.indicator()).ranked())
            .sorted(ascending ? order : order.reversed()).map(ReportRow::of).toList();
        List<ReportRow> rows = new ArrayList<>();
        String cursor = null;
        do {
          Page<ReportRow> page = store.ranking(f, by, ascending, 3, cursor);
          rows.addAll(page.items());
          cursor = page.cursor();
        } while (cursor != null);
        assertEquals(expected, rows, f + " by " + by + (ascending ? " ascending" : ""));
        checked++;
      }
    }
    assertTrue(checked >= 20, "rankings checked: " + checked);
    Page<ReportRow> first = store.ranking(new ListFilter(2022, null, null, null, null, null, null, null),
        ListSort.DISCLOSURE, false, 2, null);
    assertThrows(IllegalArgumentException.class, () -> store.ranking(ListFilter.none(), ListSort.DISCLOSURE, true,
        2, first.cursor()));
    assertThrows(IllegalArgumentException.class, () -> store.list(ListFilter.none(), ListSort.DISCLOSURE, 2,
        first.cursor()));
  }

  @Test
  void theProvincesReportsWithErrorsAreOneListSortedByErrors() {
    ListFilter f = new ListFilter(null, "河南省", null, null, null, "HAS_ERRORS", null, null);
    List<ReportRow> rows = listed(f, ListSort.ERRORS, 5);
    assertTrue(rows.size() > 5);
    assertEquals(expected(f, ListSort.ERRORS), rows);
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).errors() >= rows.get(i).errors());
    }
  }

  @Test
  void aTableWrittenBeforeListsGetsThemFromTheRebuild() {
    List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> deletes = new ArrayList<>();
    for (ReportHead h : heads.subList(0, 10)) {
      ListEntries.sortKeys().forEach(sk -> deletes.add(nianbao.store.BatchWriter.delete(Keys.of(h.pk(), sk))));
    }
    new nianbao.store.BatchWriter(local.dynamo, local.table).write(deletes);
    assertEquals(heads.size() - 10, listed(ListFilter.none(), ListSort.AGENCY, 40).size());
    int written = new ListRebuild(store).run();
    assertTrue(written >= heads.size() * ListSort.values().length, "written " + written);
    for (ListSort sort : ListSort.values()) {
      assertEquals(expected(ListFilter.none(), sort), listed(ListFilter.none(), sort, 40));
    }
  }

  @Test
  void aCursorOfAnotherOrderOrMalformedIsRefused() {
    Page<ReportRow> page = store.list(ListFilter.none(), ListSort.ERRORS, 3, null);
    assertThrows(IllegalArgumentException.class, () -> store.list(ListFilter.none(), ListSort.AGENCY, 3,
        page.cursor()));
    assertThrows(IllegalArgumentException.class, () -> store.list(ListFilter.none(), ListSort.NEWEST, 3, "x!"));
  }

  /** The dimensions of {@code mask}, valued from {@code anchor} (so most lists are not empty). */
  private static ListFilter filter(int mask, ReportHead anchor, Random random) {
    Object[] v = new Object[DIMENSIONS.size()];
    for (int d = 0; d < DIMENSIONS.size(); d++) {
      if ((mask & 1 << d) == 0) {
        continue;
      }
      v[d] = switch (DIMENSIONS.get(d)) {
        case "year" -> anchor.year() != null ? anchor.year() : (Object) 2022;
        case "province" -> anchor.province() != null ? anchor.province() : "河南省";
        case "city" -> anchor.city() != null ? anchor.city() : "新乡市";
        case "county" -> anchor.county() != null ? anchor.county() : "新乡县";
        case "level" -> ListScopes.level(anchor.province(), anchor.city(), anchor.county());
        case "status" -> anchor.status();
        case "rule" -> anchor.ruleIds().isEmpty() ? "B1"
            : new ArrayList<>(anchor.ruleIds()).get(random.nextInt(anchor.ruleIds().size()));
        case "agency" -> anchor.agencyNorm() == null ? "政府"
            : anchor.agencyNorm().substring(anchor.agencyNorm().length() - 2 - random.nextInt(2));
        default -> throw new IllegalStateException();
      };
    }
    return new ListFilter((Integer) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4],
        (String) v[5], (String) v[6], (String) v[7]);
  }

  /** Every page to the end; each page reads a bounded number of items, however many are stored. */
  private static List<ReportRow> listed(ListFilter f, ListSort sort, int limit) {
    List<ReportRow> rows = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    do {
      local.resetCounts();
      Page<ReportRow> page = store.list(f, sort, limit, cursor);
      assertTrue(page.items().size() <= limit);
      assertTrue(local.evaluated.get() <= 4 * limit + 18 * Math.max(10, limit),
          "items read for one page: " + local.evaluated.get());
      rows.addAll(page.items());
      cursor = page.cursor();
      assertTrue(cursor == null || cursors.add(cursor), "a cursor came back: " + cursor);
    } while (cursor != null);
    return rows;
  }

  /** The filter applied to every stored head, in the order's positions. */
  static List<ReportRow> expected(ListFilter f, ListSort sort) {
    Comparator<ReportHead> order = (a, b) -> Merge.compareCodePoints(sort.value(a), sort.value(b));
    return heads.stream().filter(h -> matches(f, h)).sorted(sort.descending() ? order.reversed() : order)
        .map(ReportRow::of).toList();
  }

  static boolean matches(ListFilter f, ReportHead h) {
    return (f.year() == null || f.year().equals(h.year()))
        && (f.province() == null || f.province().equals(h.province()))
        // a county is named with its city; without one, it is a county the province administers directly
        && (f.city() == null && f.county() == null || Objects.equals(f.city(), h.city()))
        && (f.county() == null || f.county().equals(h.county()))
        && (f.level() == null || f.level().equals(ListScopes.level(h.province(), h.city(), h.county())))
        && (f.status() == null || f.status().equals(h.status()))
        && (f.rule() == null || h.ruleIds().contains(f.rule()))
        && (f.agency() == null || h.agencyNorm() != null
            && h.agencyNorm().contains(Identity.normaliseAgency(f.agency())));
  }
}

package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceNamesTest {
  private static final Region WEIBIN = new Region("410703", "河南省", "新乡市", "卫滨区");
  private static final Region CHANHE = new Region("410304", "河南省", "洛阳市", "瀍河回族区");

  private static List<String> names(String text, Region own) {
    return PlaceNames.foreign(text, own).stream().map(PlaceMention::name).toList();
  }

  @Test
  void seed001NamesSuxianOfChenzhou() {
    String text = ReportTexts.text("seeds/001_6b6d80a219e047ef.txt");
    Region own = RegionResolver.resolve(ReportTexts.agency(text), text);
    assertEquals(CHANHE, own);
    List<PlaceMention> found = PlaceNames.foreign(text, own);
    assertEquals(1, found.size(), found.toString());
    PlaceMention m = found.get(0);
    assertEquals("苏仙区", m.name());
    assertEquals("苏仙区", text.substring(m.offset(), m.offset() + 3));
    assertEquals(new Region("431003", "湖南省", "郴州市", "苏仙区"), m.region());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "seeds/000_dc7fa2148f231570.txt", "seeds/002_247cf08f496e631f.txt", "seeds/003_978a9fff42e671ca.txt",
    "seeds/004_966a26715276eb9e.txt", "samples/01_pingtan-2019.txt", "samples/04_pingtan-2022.txt"})
  void otherSeedsAndSamplesNameNoOtherPlace(String file) {
    String text = ReportTexts.text(file);
    Region own = RegionResolver.resolve(ReportTexts.agency(text), text);
    assertEquals(List.of(), PlaceNames.foreign(text, own));
  }

  @Test
  void ownCityProvinceAndNeighbourCountiesAreNotForeign() {
    String text = "河南省新乡市卫滨区科技和工业信息化局根据卫辉市、新乡县、红旗区的经验，会同新乡市人民政府……";
    assertEquals(List.of(), PlaceNames.foreign(text, WEIBIN));
  }

  @Test
  void foreignCountiesCitiesAndProvincesAreNamedInOrder() {
    String text = "参照湖南省郴州市苏仙区的做法，并学习洛阳市经验。";
    List<PlaceMention> found = PlaceNames.foreign(text, WEIBIN);
    assertEquals(List.of("湖南省", "郴州市", "苏仙区", "洛阳市"), found.stream().map(PlaceMention::name).toList());
    assertEquals(2, found.get(0).offset());
    assertEquals(new Region("430000", "湖南省", null, null), found.get(0).region());
    assertEquals(new Region("410300", "河南省", "洛阳市", null), found.get(3).region());
  }

  @Test
  void ownUnitFollowsTheAgencyLevel() {
    String text = "洛阳市、新乡市和湖北省";
    // province-level agency: only other provinces are foreign
    assertEquals(List.of("湖北省"), names(text, new Region("410000", "河南省", null, null)));
    // city-level agency
    assertEquals(List.of("洛阳市", "湖北省"), names(text, new Region("410700", "河南省", "新乡市", null)));
    // a municipality's district: the whole municipality is own
    assertEquals(List.of(), names("北京市海淀区、东城区", new Region("110105", "北京市", "北京市", "朝阳区")));
    // a province-administered city is its own unit
    assertEquals(List.of("洛阳市"), names("河南省济源市与洛阳市", new Region("419001", "河南省", null, "济源市")));
  }

  @Test
  void onlyWholeNamesWithSuffixCount() {
    assertEquals(List.of(), names("沿中山路、和平发展、通州方向的市场和城市建设，人民群众", WEIBIN));
    assertEquals(List.of(), names("重点区域：中山区域、宝鸡市场、沿海城市、新兴城市、各项城市管理", WEIBIN));
    assertEquals(List.of("中山区", "宝鸡市"), names("大连市中山区与宝鸡市", WEIBIN).subList(1, 3));
  }

  @Test
  void blanksInsideANameAreSkipped() {
    List<PlaceMention> found = PlaceNames.foreign("湖南省郴州 市苏 仙区", WEIBIN);
    assertEquals(List.of("湖南省", "郴州市", "苏仙区"), found.stream().map(PlaceMention::name).toList());
    assertEquals(7, found.get(2).offset());
  }

  @Test
  void genericAndShortNamesAreLeftOut() {
    // common nouns (generic.txt), names of three or more cities, names of two characters
    assertEquals(List.of(), names("老城区改造、新城区建设、城关区、市中区、鼓楼区、新华区、铁西区、城区、郊区、矿区、沛县", WEIBIN));
    for (String name : new String[] {"老城区", "新城区", "鼓楼区", "新华区", "铁西区", "市中区", "城区", "沛县", "郏县"}) {
      assertFalse(PlaceNames.searched(name), name);
    }
    for (String name : new String[] {"苏仙区", "朝阳区", "和平区", "通州区", "中山市", "河南省"}) {
      assertTrue(PlaceNames.searched(name), name);
    }
  }

  @Test
  void genericListNamesRealDivisions() {
    Set<String> listed = Arrays.stream(ReportTexts.text("nianbao/core/region/generic.txt").split("\n"))
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
    for (String name : listed) {
      assertFalse(Divisions.get().byName(name).isEmpty(), name);
    }
  }

  @Test
  void aNameBothInsideAndOutsideCountsAsInside() {
    Region beijingChaoyang = new Region("110105", "北京市", "北京市", "朝阳区");
    Region changchunNanguan = new Region("220102", "吉林省", "长春市", "南关区");
    assertEquals(List.of(), names("朝阳区", beijingChaoyang));
    assertEquals(List.of(), names("朝阳区", changchunNanguan));
    // outside, and two divisions of that name: the region is not guessed
    List<PlaceMention> found = PlaceNames.foreign("朝阳区", WEIBIN);
    assertEquals(1, found.size());
    assertNull(found.get(0).region());
  }

  @Test
  void noOwnRegionNoMentions() {
    assertEquals(List.of(), PlaceNames.foreign("湖南省郴州市苏仙区", null));
    assertEquals(List.of(), PlaceNames.foreign(null, WEIBIN));
    assertEquals(List.of(), PlaceNames.foreign("湖南省", new Region("000000", null, null, null)));
  }

  @Test
  void scansASixKilobyteReportWithinBudget() {
    String text = ReportTexts.text("seeds/001_6b6d80a219e047ef.txt");
    assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 6000);
    long sink = 0;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 20; round++) {
      long t = System.nanoTime();
      for (int i = 0; i < 2_000; i++) {
        sink += PlaceNames.foreign(text, CHANHE).size();
      }
      best = Math.min(best, (System.nanoTime() - t) / 2_000);
    }
    System.out.printf("PlaceNames.foreign, %d chars (%d bytes): %.2f µs%n", text.length(),
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, best / 1e3);
    assertTrue(sink > 0);
    // the budget is 20 µs; the bound here leaves room for a loaded machine
    assertTrue(best < 200_000, best + " ns");
  }
}

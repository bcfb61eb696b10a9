package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionResolverTest {

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource({
    "seeds/000_dc7fa2148f231570.txt, 新乡市卫滨区科技和工业信息化局, 410703, 河南省, 新乡市, 卫滨区",
    "seeds/001_6b6d80a219e047ef.txt, 瀘河回族区科技和工业信息化局, 410304, 河南省, 洛阳市, 瀍河回族区",
    "seeds/002_247cf08f496e631f.txt, 卫辉市商务局, 410781, 河南省, 新乡市, 卫辉市",
    "seeds/003_978a9fff42e671ca.txt, 新乡县人民政府, 410721, 河南省, 新乡市, 新乡县",
    "seeds/004_966a26715276eb9e.txt, 郟县工业和信息化局, 410425, 河南省, 平顶山市, 郏县",
    "samples/01_pingtan-2019.txt, 平潭综合实验区, 350128, 福建省, 福州市, 平潭县",
    "samples/04_pingtan-2022.txt, 平潭综合实验区, 350128, 福建省, 福州市, 平潭县",
  })
  void resolvesSeedsAndSamples(String file, String agency, String code, String province, String city, String county) {
    String text = ReportTexts.text(file);
    assertEquals(agency, ReportTexts.agency(text));
    assertEquals(new Region(code, province, city, county), RegionResolver.resolve(ReportTexts.agency(text), text));
    // the name alone is enough for these
    assertEquals(code, RegionResolver.resolve(agency, "").code());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "河南省人民政府办公厅, 410000",
    "洛阳市发展和改革委员会, 410300",
    "新乡市红旗区人民政府, 410702",
    "北京市朝阳区人民政府, 110105",
    "吉林省长春市朝阳区教育局, 220104",
    "北京朝阳区人民政府, 110105",
    "济南市市中区财政局, 370103",
    "上海市浦东新区人民政府, 310115",
    "重庆市城口县商务委员会, 500229",
    "北京市人民政府, 110000",
    "济源市人民政府, 419001",
    "郑州航空港经济综合实验区管理委员会, 410173",
    "吉林省吉林市人民政府, 220200",
    "新疆维吾尔自治区人民政府, 650000",
  })
  void resolvesByFullNames(String agency, String code) {
    assertEquals(code, RegionResolver.resolve(agency, null).code());
  }

  @Test
  void toleratesBlanksFullWidthAndTraditional() {
    assertEquals("410703", RegionResolver.resolve(" 新乡市 卫濱區 科技局", "").code());
    assertEquals("410425", RegionResolver.resolve("郟县 工业和信息化局", "").code());
    assertEquals("410781", RegionResolver.resolve("衛輝市商務局", "").code());
  }

  @Test
  void correctsKnownMisreadCharacters() {
    assertEquals("410304", RegionResolver.resolve("瀘河回族区科技和工业信息化局", "").code());
    assertEquals("410304", RegionResolver.resolve("洛阳市瀘河回族区人民政府", "").code());
    assertEquals("341600", RegionResolver.resolve("毫州市人民政府", "").code());
  }

  @Test
  void toleratesOneSubstitutedCharacterInLongNamesOnly() {
    // 5 characters, one wrong, not the suffix: unique
    assertEquals("410304", RegionResolver.resolve("洛阳市瀍河回旅区人民政府", "").code());
    assertEquals("410304", RegionResolver.resolve("瀍何回族区财政局", "").code());
    // 3 characters, one wrong, not in the table: no guess
    assertNull(RegionResolver.resolve("卫挥市商务局", ""));
  }

  @Test
  void ambiguousCountyUsesTheTextElseGivesNull() {
    assertNull(RegionResolver.resolve("朝阳区人民政府", ""));
    assertEquals("220104", RegionResolver.resolve("朝阳区人民政府", "……长春市朝阳区人民政府……").code());
    assertEquals("110105", RegionResolver.resolve("朝阳区人民政府", "北京市朝阳区2022年……").code());
    assertEquals("220104", RegionResolver.resolve("朝阳区人民政府", "吉林省人民政府……").code());
    assertNull(RegionResolver.resolve("朝阳区人民政府", "北京市与长春市……"));
    // a city prefix decides among counties of one name
    assertEquals("210106", RegionResolver.resolve("沈阳市铁西区人民政府", "").code());
    assertNull(RegionResolver.resolve("铁西区人民政府", ""));
  }

  @Test
  void fallsBackToAUniqueStemAtTheStart() {
    assertEquals(new Region("350128", "福建省", "福州市", "平潭县"), RegionResolver.resolve("平潭综合实验区", ""));
    // 新乡 is the stem of 新乡市 and of 新乡县 inside it: the city is certain, the county is not
    assertEquals("410700", RegionResolver.resolve("新乡高新区管委会", "").code());
    assertEquals("110000", RegionResolver.resolve("北京经济技术开发区管委会", "").code());
    // 朝阳 is the stem of 朝阳市, 朝阳县 and two 朝阳区
    assertNull(RegionResolver.resolve("朝阳高新区", ""));
    // 公安 is the stem of 公安县, but 公安厅 is no agency of it
    assertNull(RegionResolver.resolve("公安厅", ""));
  }

  @Test
  void everyDivisionOfAUniqueNameResolvesToItselfAndNormalisesUnchanged() {
    Divisions divisions = Divisions.get();
    int checked = 0;
    for (Division d : divisions.all()) {
      String agency = d.name() + "人民政府";
      Division found = RegionResolver.resolveDivision(agency, "");
      if (divisions.byName(d.name()).size() > 1) {
        // a shared name alone never resolves to another name's division
        assertTrue(found == null || found.name().equals(d.name()), agency + " → " + found);
        continue;
      }
      assertEquals(d, found, agency);
      assertEquals(agency, AgencyNames.normalise(agency));
      checked++;
    }
    assertTrue(checked > 3000, "checked " + checked);
  }

  @Test
  void functionalPartsOfAgencyNamesAreNoPlaces() {
    for (String agency : new String[] {"洛阳市市场监督管理局", "新乡市城市管理局", "国家税务总局新乡市税务局",
        "中共洛阳市委机构编制委员会办公室", "洛阳市住房和城乡建设局", "洛阳市人力资源和社会保障局", "洛阳市公安局"}) {
      Region r = RegionResolver.resolve(agency, "");
      assertEquals(agency.contains("洛阳") ? "410300" : "410700", r.code(), agency);
      assertEquals(agency, AgencyNames.normalise(agency));
    }
  }

  @Test
  void unknownOrEmptyGivesNull() {
    assertNull(RegionResolver.resolve(null, "河南省"));
    assertNull(RegionResolver.resolve("", ""));
    assertNull(RegionResolver.resolve("某某单位", "没有地名"));
  }
}

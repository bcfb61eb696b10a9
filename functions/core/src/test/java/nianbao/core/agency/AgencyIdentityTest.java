package nianbao.core.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One agency, one identity: names as agencies print them (the corpus's, and their usual variants). */
class AgencyIdentityTest {
  static final Region HONGZE = new Region("320813", "江苏省", "淮安市", "洪泽区");

  @ParameterizedTest(name = "{0} ({1}) is {2}")
  @CsvSource({
      // the agency, every way it is printed, before and after 县改区
      "洪泽区人民政府, 320813, 320813|人民政府",
      "淮安市洪泽区人民政府, 320813, 320813|人民政府",
      "江苏省淮安市洪泽区人民政府, 320813, 320813|人民政府",
      "洪泽县人民政府, 320813, 320813|人民政府",
      "淮安市洪泽县人民政府, 320813, 320813|人民政府",
      "洪泽区政府, 320813, 320813|人民政府",
      "洪泽区, 320813, 320813|人民政府",
      "洪 泽 区 人 民 政 府, 320813, 320813|人民政府",
      "洪泽区人民政府办公室, 320813, 320813|人民政府办公室",
      "淮安市洪泽区政府办公室, 320813, 320813|人民政府办公室",
      "洪泽区政府办, 320813, 320813|人民政府办公室",
      "淮安市洪泽区教育局, 320813, 320813|教育局",
      "洪泽区教育局, 320813, 320813|教育局",
      // the corpus's agencies (functions/core/src/test/resources): printed names, misreadings corrected first
      "新乡县人民政府, 410721, 410721|人民政府",
      "新乡市卫滨区科技和工业信息化局, 410703, 410703|科技和工业信息化局",
      "卫滨区科技和工业信息化局, 410703, 410703|科技和工业信息化局",
      "瀘河回族区科技和工业信息化局, 410304, 410304|科技和工业信息化局",
      "洛阳市瀍河回族区科技和工业信息化局, 410304, 410304|科技和工业信息化局",
      "郟县工业和信息化局, 410425, 410425|工业和信息化局",
      "平顶山市郏县工业和信息化局, 410425, 410425|工业和信息化局",
      "卫辉市商务局, 410781, 410781|商务局",
      "新乡市卫辉市商务局, 410781, 410781|商务局",
      "洛阳市西工区教育局, 410303, 410303|教育局",
      "新乡市牧野区市场监督管理局, 410711, 410711|市场监督管理局",
      "平顶山市新华区民政局, 410402, 410402|民政局",
      "平潭综合实验区, 350128, 350128|平潭综合实验区",
      // municipalities and provinces
      "北京市东城区人民政府, 110101, 110101|人民政府",
      "东城区人民政府, 110101, 110101|人民政府",
      "北京市东城区政府办公室, 110101, 110101|人民政府办公室",
      "河南省人民政府办公厅, 410000, 410000|人民政府办公厅",
      "河南省教育厅, 410000, 410000|教育厅",
  })
  void namesOfOneAgencyAreOneIdentity(String printed, String code, String key) {
    assertEquals(key, AgencyIdentity.of(printed, new Region(code, null, null, null)).key());
  }

  @Test
  void differentAgenciesStayApart() {
    assertNotEquals(AgencyIdentity.of("洪泽区教育局", HONGZE), AgencyIdentity.of("洪泽区公安局", HONGZE));
    assertNotEquals(AgencyIdentity.of("淮安市人民政府", new Region("320800", "江苏省", "淮安市", null)),
        AgencyIdentity.of("洪泽区人民政府", HONGZE));
    // the same district name in two cities: the code tells them apart
    assertNotEquals(AgencyIdentity.of("新华区民政局", new Region("410402", "河南省", "平顶山市", "新华区")),
        AgencyIdentity.of("新华区民政局", new Region("130105", "河北省", "石家庄市", "新华区")));
    // a name that only begins like the region keeps its words: 淮安区 is not 淮安市
    assertEquals("320803|人民政府", AgencyIdentity.of("淮安市淮安区人民政府",
        new Region("320803", "江苏省", "淮安市", "淮安区")).key());
  }

  @Test
  void withoutAKnownRegionTheWholeNameIsTheBody() {
    assertEquals("|某某局", AgencyIdentity.of("某某局", null).key());
    assertEquals("|某某局", AgencyIdentity.of("某某局", new Region("999999", null, null, null)).key());
    assertNull(AgencyIdentity.of("  ", HONGZE));
    assertEquals(List.of("320813|人民政府", "320813|教育局"),
        AgencyIdentity.keys(List.of("洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区教育局"), HONGZE));
  }
}

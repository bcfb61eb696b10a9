package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgencyNamesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
    "瀘河回族区科技和工业信息化局 | 瀍河回族区科技和工业信息化局",
    "郟县工业和信息化局 | 郏县工业和信息化局",
    "新乡市 卫滨区\u3000科技和工业信息化局 | 新乡市卫滨区科技和工业信息化局",
    "衛輝市商務局 | 卫辉市商务局",
    "洛阳市（瀘河回族区）财政局 | 洛阳市(瀍河回族区)财政局",
    "毫州市人民政府 | 亳州市人民政府",
    "洛阳市瀍河回旅区人民政府 | 洛阳市瀍河回族区人民政府",
    "平潭综合实验区 | 平潭综合实验区",
    "ＡＢＣ局１ | ABC局1",
  })
  void normalises(String printed, String expected) {
    assertEquals(expected, AgencyNames.normalise(printed));
  }

  @Test
  void keepsDivisionCharactersThatOpenccWouldChange() {
    // OpenCC maps 乾 to 干, but 乾县 is a county of 咸阳
    assertEquals("乾县人民政府", AgencyNames.normalise("乾县人民政府"));
    assertEquals("610424", RegionResolver.resolve("乾县人民政府", "").code());
  }

  @Test
  void isIdempotentAndNullSafe() {
    for (String s : new String[] {"瀘河回族区科技和工业信息化局", "郟县 工业", "衛輝市商務局", "河南省人民政府办公厅"}) {
      String once = AgencyNames.normalise(s);
      assertEquals(once, AgencyNames.normalise(once));
    }
    assertNull(AgencyNames.normalise(null));
    assertEquals("", AgencyNames.normalise(" \t\u3000"));
  }
}

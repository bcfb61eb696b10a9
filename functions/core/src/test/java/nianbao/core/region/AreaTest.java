package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;

/** An upload by a person limited to a region stores only reports of that region, and says why not otherwise. */
class AreaTest {
  private final Area xinxiang = Area.parse("河南省/新乡市");

  @Test
  void aReportInsideTheAreaIsStored() {
    assertNull(xinxiang.refusal(new Region("410721", "河南省", "新乡市", "新乡县")));
    assertNull(xinxiang.refusal(new Region("410700", "河南省", "新乡市", null)), "the city's own agencies");
    assertNull(Area.parse("河南省").refusal(new Region("410100", "河南省", "郑州市", null)));
  }

  @Test
  void aReportOutsideTheAreaOrOfNoKnownPlaceIsRefusedWithTheReason() {
    assertEquals("上传者的权限限于河南省/新乡市，而这份报告属于河南省郑州市中原区，未存入（也未替换任何报告）；"
        + "请由有该地区权限的人员上传", xinxiang.refusal(new Region("410102", "河南省", "郑州市", "中原区")));
    assertTrue(xinxiang.refusal(new Region("430100", "湖南省", "长沙市", null)).contains("这份报告属于湖南省长沙市，"));
    assertTrue(xinxiang.refusal(new Region(null, "河南省", null, null)).contains("属于河南省，"),
        "a province-level agency is not the city's");
    assertTrue(xinxiang.refusal(new Region(null, null, null, null)).contains("无法确定这份报告所属的地区"));
    assertTrue(xinxiang.refusal(null).contains("无法确定这份报告所属的地区"));
  }

  @Test
  void theAttributeIsReadAsProvinceCityAndCounty() {
    assertEquals(new Area("河南省", "新乡市", null), xinxiang);
    assertEquals(new Area("河南省", "新乡市", "新乡县"), Area.parse(" 河南省 / 新乡市 / 新乡县 "));
    assertNull(Area.parse(" "));
    assertEquals("河南省/新乡市", xinxiang.toString());
  }
}

package nianbao.core.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {
  private static final String CSV = "序号,机关名称,区划代码,备注\n1,淮安市洪泽区人民政府,320813,\n\n"
      + "2,\"洪泽区教育局（含“学校, 幼儿园”）\",,新设\n3,新乡县人民政府,,\n";

  @Test
  void readsUtf8WithOrWithoutBomAndGbkAlike() {
    List<RosterEntry> expected = List.of(new RosterEntry(2, "淮安市洪泽区人民政府", "320813"),
        new RosterEntry(4, "洪泽区教育局（含“学校, 幼儿园”）", null), new RosterEntry(5, "新乡县人民政府", null));
    RosterCsv.Parsed utf8 = RosterCsv.parse(CSV.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, utf8.entries());
    byte[] bom = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8);
    assertEquals(expected, RosterCsv.parse(bom).entries());
    RosterCsv.Parsed gbk = RosterCsv.parse(CSV.getBytes(Charset.forName("GBK")));
    assertEquals(expected, gbk.entries());
    assertTrue(gbk.encoding().startsWith("GB"), gbk.encoding());
    assertEquals(List.of(new RosterEntry(2, "某局", null)),
        RosterCsv.parse("单位名称\r\n某局\r\n".getBytes(StandardCharsets.UTF_8)).entries());
  }

  @Test
  void whatIsNoRosterIsRefusedByLine() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RosterCsv.parse("名字,代码\n某局,1\n"
        .getBytes(StandardCharsets.UTF_8))).getMessage().contains("机关名称"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RosterCsv.parse("机关名称,区划代码\n某局,12\n"
        .getBytes(StandardCharsets.UTF_8))).getMessage().contains("第 2 行"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RosterCsv.parse("机关名称,区划代码\n,320813\n"
        .getBytes(StandardCharsets.UTF_8))).getMessage().contains("第 2 行没有机关名称"));
    assertThrows(IllegalArgumentException.class, () -> RosterCsv.parse("机关名称\n".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> RosterCsv.parse(new byte[0]));
  }
}

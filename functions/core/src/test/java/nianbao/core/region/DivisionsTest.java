package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;

class DivisionsTest {
  private final Divisions divisions = Divisions.get();

  @Test
  void loadsTheSameListEveryTime() {
    // how long it takes is RegionBenchmark's (a timed assertion here failed on a loaded machine)
    for (int i = 0; i < 3; i++) {
      assertEquals(divisions.all().size(), Divisions.load().all().size());
    }
  }

  @Test
  void getIsOneInstanceAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Divisions>> all = pool.invokeAll(List.<Callable<Divisions>>of(
          Divisions::get, Divisions::get, Divisions::get, Divisions::get));
      for (Future<Divisions> f : all) {
        assertSame(divisions, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void holdsProvincesCitiesAndCountiesWithConsistentParents() {
    List<Division> all = divisions.all();
    assertTrue(all.size() > 3000 && all.size() < 4000, "size " + all.size());
    Set<String> codes = new HashSet<>();
    int provinces = 0;
    for (Division d : all) {
      assertTrue(d.code().matches("\\d{6}"), d.code());
      assertTrue(codes.add(d.code()), "duplicate " + d.code());
      if (d.level() == Division.Level.PROVINCE) {
        provinces++;
        assertNull(d.parentCode());
      } else {
        Division p = divisions.parent(d);
        assertNotNull(p, d.toString());
        assertTrue(d.code().startsWith(p.code().substring(0, 2)), d.toString());
        assertTrue(p.level().ordinal() < d.level().ordinal(), d.toString());
      }
      assertTrue(!d.name().equals("市辖区") && !d.name().endsWith("直辖县级行政区划"), d.toString());
    }
    assertEquals(31, provinces);
  }

  @Test
  void looksUpByCodeAndName() {
    assertEquals("瀍河回族区", divisions.byCode("410304").name());
    assertEquals("郏县", divisions.byCode("410425").name());
    assertEquals("平潭县", divisions.byCode("350128").name());
    assertEquals("苏仙区", divisions.byCode("431003").name());
    assertNull(divisions.byCode("999999"));
    assertNull(divisions.byCode(null));
    List<Division> chaoyang = divisions.byName("朝阳区");
    assertEquals(Set.of("110105", "220104"), Set.of(chaoyang.get(0).code(), chaoyang.get(1).code()));
    assertEquals(List.of(), divisions.byName("不存在县"));
  }

  @Test
  void chainRunsFromProvinceToDivision() {
    List<Division> chain = divisions.chain(divisions.byCode("410703"));
    assertEquals(List.of("河南省", "新乡市", "卫滨区"), chain.stream().map(Division::name).toList());
    assertEquals(List.of("北京市", "朝阳区"),
        divisions.chain(divisions.byCode("110105")).stream().map(Division::name).toList());
  }

  @Test
  void regionsOfEachShape() {
    assertEquals(new Region("410703", "河南省", "新乡市", "卫滨区"), region("410703"));
    assertEquals(new Region("410700", "河南省", "新乡市", null), region("410700"));
    assertEquals(new Region("410000", "河南省", null, null), region("410000"));
    // municipalities: in both province and city
    assertEquals(new Region("110105", "北京市", "北京市", "朝阳区"), region("110105"));
    assertEquals(new Region("110000", "北京市", "北京市", null), region("110000"));
    assertEquals(new Region("500229", "重庆市", "重庆市", "城口县"), region("500229"));
    // county-level city administered by its province: no city
    assertEquals(new Region("419001", "河南省", null, "济源市"), region("419001"));
  }

  @Test
  void prefectureOfEachShape() {
    assertEquals("410700", divisions.prefecture(divisions.byCode("410703")).code());
    assertEquals("410700", divisions.prefecture(divisions.byCode("410700")).code());
    assertEquals("110000", divisions.prefecture(divisions.byCode("110105")).code());
    assertEquals("419001", divisions.prefecture(divisions.byCode("419001")).code());
    assertNull(divisions.prefecture(divisions.byCode("410000")));
  }

  @Test
  void stemsDropSuffixAndPeoples() {
    assertEquals("平潭", Divisions.stem("平潭县"));
    assertEquals("瀍河", Divisions.stem("瀍河回族区"));
    assertEquals("延边", Divisions.stem("延边朝鲜族自治州"));
    assertEquals("恩施", Divisions.stem("恩施土家族苗族自治州"));
    assertEquals("广西", Divisions.stem("广西壮族自治区"));
    assertEquals("内蒙古", Divisions.stem("内蒙古自治区"));
    assertEquals("东乡", Divisions.stem("东乡族自治县"));
    assertEquals("鄂伦春", Divisions.stem("鄂伦春自治旗"));
    assertEquals("城", Divisions.stem("城区"));
  }

  private Region region(String code) {
    return divisions.region(divisions.byCode(code));
  }
}

package nianbao.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nianbao.core.agency.AgencyIdentity;
import nianbao.core.model.Region;
import org.junit.jupiter.api.Test;

/** The table of replaced codes agrees with the division list, and an agency of an old code is the current one. */
class FormerCodesTest {

  @Test
  void everyChangeLeadsFromACodeNoLongerListedToAListedDivisionOfTheSameStem() {
    assertTrue(FormerCodes.get().changes().size() >= 10);
    for (FormerCodes.Change c : FormerCodes.get().changes()) {
      assertNull(Divisions.get().byCode(c.oldCode()), c + ": the old code is still a division");
      Division now = Divisions.get().byCode(c.code());
      assertEquals(c.name(), now == null ? null : now.name(), c + ": the current code is not that division");
      assertTrue(c.name().startsWith(Divisions.stemOf(c.oldName())), c + ": another place");
      assertEquals(c.code(), FormerCodes.get().current(c.oldCode()));
    }
  }

  @Test
  void aCodeNeverReplacedIsItself() {
    assertEquals("410721", FormerCodes.get().current("410721"));
    assertNull(FormerCodes.get().current(null));
  }

  @Test
  void hongzeCountysOldCodeIsTheDistrictsAgency() {
    Region before = new Region("320829", "江苏省", "淮安市", "洪泽县");
    Region after = new Region("320813", "江苏省", "淮安市", "洪泽区");
    assertEquals(AgencyIdentity.of("淮安市洪泽区人民政府", after), AgencyIdentity.of("洪泽县人民政府", before));
    assertEquals("320813|教育局", AgencyIdentity.of("洪泽县教育局", before).key());
  }
}

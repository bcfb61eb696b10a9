package nianbao.core.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.agency.AgencyIdentity;
import nianbao.core.roster.RosterMatching.ReportFacts;
import org.junit.jupiter.api.Test;

class RosterMatchingTest {
  private static ReportFacts report(String id, String agency, String code, String county, String dated) {
    return new ReportFacts(id, agency, code, "江苏省", "淮安市", county, 2023, dated, dated == null ? null : "落款");
  }

  @Test
  void entriesMatchReportsByIdentityAndAreJudgedByThePrintedDate() {
    List<RosterEntry> roster = List.of(
        new RosterEntry(2, "淮安市洪泽区人民政府", "320813"),  // printed 洪泽区人民政府: one agency
        new RosterEntry(3, "洪泽区教育局", null),               // region from the name
        new RosterEntry(4, "洪泽区财政局", null),               // late
        new RosterEntry(5, "洪泽区公安局", null),               // no date printed
        new RosterEntry(6, "洪泽区民政局", null));              // no report
    List<ReportFacts> reports = List.of(
        report("a-2023", "洪泽区人民政府", "320813", "洪泽区", "2024-01-20"),
        report("b-2023", "淮安市洪泽区教育局", "320813", "洪泽区", "2024-01-31"),
        report("c-2023", "洪泽区财政局", "320813", "洪泽区", "2024-02-01"),
        report("d-2023", "洪泽区公安局", "320813", "洪泽区", null),
        report("e-2023", "淮安市清江浦区人民政府", "320812", "清江浦区", "2024-01-10"));
    RosterMatching.Result r = RosterMatching.match(2023, roster, reports);
    assertEquals(List.of("已报送", "已报送", "已报送", "已报送", "未报送"),
        r.entries().stream().map(RosterMatching.EntryMatch::state).toList());
    assertEquals(List.of("a-2023"), r.entries().get(0).reports().stream().map(ReportFacts::reportId).toList());
    assertEquals("320813|人民政府", r.entries().get(0).identity());
    assertEquals("按时", r.entries().get(0).timeliness());
    assertEquals("按时", r.entries().get(1).timeliness(), "31 January is in time");
    assertEquals("逾期", r.entries().get(2).timeliness());
    assertEquals("日期不明", r.entries().get(3).timeliness());
    assertNull(r.entries().get(4).timeliness());
    assertEquals(List.of("洪泽区民政局"), r.notReported().stream().map(e -> e.entry().name()).toList());
    assertEquals(List.of("e-2023"), r.unmatchedReports().stream().map(ReportFacts::reportId).toList());
    assertEquals(1, r.count("逾期"));
  }

  @Test
  void theDeadlineIsTheEndOfJanuaryOfTheFollowingYear() {
    assertEquals("按时", RosterMatching.timeliness(2022, "2023-01-31"));
    assertEquals("逾期", RosterMatching.timeliness(2022, "2023-02-20"));
    assertEquals("日期不明", RosterMatching.timeliness(2022, null));
  }

  @Test
  void anEntryMatchesTheReportsOfAgenciesMergedIntoItsAgency() {
    List<RosterEntry> roster = List.of(new RosterEntry(2, "洪泽区人民政府", null));
    ReportFacts office = new ReportFacts("o-2023", "洪泽区人民政府办公室", "320813", "江苏省", "淮安市", "洪泽区", 2023,
        "2024-01-20", "落款", "gov");
    RosterMatching.Result unmerged = RosterMatching.match(2023, roster, List.of(office));
    assertEquals("未报送", unmerged.entries().get(0).state(), "without the agency keys: another agency");
    RosterMatching.Result merged = RosterMatching.match(2023, roster, List.of(office),
        id -> id.key().equals("320813|人民政府") ? "gov" : id.key());
    assertEquals("已报送", merged.entries().get(0).state());
    assertEquals("按时", merged.entries().get(0).timeliness());
    assertEquals(List.of(), merged.unmatchedReports());
  }

  @Test
  void anEntryNamingAMergedAgencyMatchesTheReportsCountedAsTheAgencyItWasMergedInto() {
    // the office was merged into the government: the government's report (its own name) is the office's too
    List<RosterEntry> roster = List.of(new RosterEntry(2, "洪泽区人民政府办公室", null),
        new RosterEntry(3, "洪泽区教育局", null));
    ReportFacts gov = new ReportFacts("g-2023", "淮安市洪泽区人民政府", "320813", "江苏省", "淮安市", "洪泽区", 2023,
        "2024-02-03", "发布日期", "gov");
    List<Set<String>> asked = new ArrayList<>();
    RosterMatching.AgencyKeys keys = new RosterMatching.AgencyKeys() {
      @Override
      public String key(AgencyIdentity id) {
        return id.key().equals("320813|人民政府") ? "gov" : id.key().equals("320813|人民政府办公室") ? "office" : "edu";
      }

      @Override
      public Map<String, String> mergedInto(Set<String> unmatched) {
        asked.add(unmatched);
        return Map.of("office", "gov");
      }
    };
    assertEquals("未报送", RosterMatching.match(2023, roster, List.of(gov), id -> keys.key(id)).entries().get(0)
        .state(), "without the merges: another agency");
    RosterMatching.Result r = RosterMatching.match(2023, roster, List.of(gov), keys);
    assertEquals("已报送", r.entries().get(0).state());
    assertEquals("逾期", r.entries().get(0).timeliness());
    assertEquals(List.of("g-2023"), r.entries().get(0).reports().stream().map(ReportFacts::reportId).toList());
    assertEquals("未报送", r.entries().get(1).state());
    assertEquals(List.of(), r.unmatchedReports());
    assertEquals(List.of(Set.of("office", "edu")), asked, "asked once, for the entries nothing else matched");
  }
}

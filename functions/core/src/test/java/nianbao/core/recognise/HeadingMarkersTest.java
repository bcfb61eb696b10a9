package nianbao.core.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.core.ReportReader;
import nianbao.core.json.ReportJson;
import nianbao.core.model.Report;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Section headings whose "一、" is not in the text (Word's list numbering, an HTML {@code <ol>}) or is written
 * another way: every seed reads exactly as with its own headings.
 */
class HeadingMarkersTest {
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};
  /** A word of each section's heading, to find the heading lines of the seeds (not table B's "一、本年新收…"). */
  private static final String[] HEADING_WORDS = {"总体情况", "主动公开政府信息", "收到和处理政府信息公开申请",
      "行政复议", "存在的主要问题", "其他需要报告"};

  static Stream<Arguments> seedsAndMarkers() {
    List<String> seeds = List.of("000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f",
        "003_978a9fff42e671ca", "004_966a26715276eb9e");
    List<String> markers = List.of("none", "1.", "（一）", "第一部分 ");
    return seeds.stream().flatMap(seed -> markers.stream().map(marker -> Arguments.of(seed, marker)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("seedsAndMarkers")
  void headingsWithoutTheirNumeralOrWithAnotherMarkerReadTheSame(String seed, String marker) throws Exception {
    String text = new String(ExpectedReportsTest.resource("/seeds/" + seed + ".txt"), StandardCharsets.UTF_8);
    String changed = text;
    int replaced = 0;
    for (int i = 0; i < 6; i++) {
      String replacement = switch (marker) {
        case "none" -> "";
        case "1." -> (i + 1) + ".";
        case "（一）" -> "（" + NUMERALS[i] + "）";
        default -> "第" + NUMERALS[i] + "部分 ";
      };
      Matcher heading = Pattern.compile("(?m)^(\\s*)" + NUMERALS[i] + "[、.．]\\s*(?=[^\\n]{0,12}"
          + HEADING_WORDS[i] + "[^\\n]{0,16}$)").matcher(changed);
      StringBuilder out = new StringBuilder();
      while (heading.find()) {
        heading.appendReplacement(out, "$1" + Matcher.quoteReplacement(replacement));
        replaced++;
      }
      changed = heading.appendTail(out).toString();
    }
    // every seed prints at least five of the six headings (some twice)
    org.junit.jupiter.api.Assertions.assertTrue(replaced >= 5, replaced + " headings changed");
    Report expected = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "seed.txt");
    Report actual = ReportReader.read(changed.getBytes(StandardCharsets.UTF_8), "seed.txt");
    // the values and findings; the evidence's offsets move with the headings' characters
    assertEquals(ReportJson.write(expected.withSource(actual.source()).withEvidence(java.util.Map.of())),
        ReportJson.write(actual.withEvidence(java.util.Map.of())),
        "the headings changed: " + changed.lines().filter(l -> Stream.of(HEADING_WORDS).anyMatch(l::contains)
            && l.length() < 40).toList());
  }

  @org.junit.jupiter.api.Test
  void htmlHeadingsNumberedByAnOrderedListReadTheSame() throws Exception {
    byte[] html = ExpectedReportsTest.resource("/documents/003_978a9fff42e671ca.html");
    String page = new String(html, StandardCharsets.UTF_8);
    // the numerals come from <ol type="一">'s counter, which is not in the text
    String listed = page;
    for (int i = 0; i < 6; i++) {
      listed = listed.replaceFirst("<p class=\"h\">" + NUMERALS[i] + "、([^<]*)</p>",
          "<ol start=\"" + (i + 1) + "\"><li>$1</li></ol>");
    }
    org.junit.jupiter.api.Assertions.assertEquals(6, listed.split("<ol start=", -1).length - 1);
    Report expected = ReportReader.read(html, "seed.html");
    Report actual = ReportReader.read(listed.getBytes(StandardCharsets.UTF_8), "seed.html");
    assertEquals(ReportJson.write(expected.withSource(actual.source())), ReportJson.write(actual));
    org.junit.jupiter.api.Assertions.assertFalse(actual.evidence().isEmpty());
  }

  @org.junit.jupiter.api.Test
  void aHeadingWhoseWordsWereMisreadIsStillTheSectionWithAReadingNoteNeverAMissingSection() throws Exception {
    // a scan read "一、总体情况" as "一、和名体情况" (seed 003 at 300 dpi): no S1 error, the overview read, one note
    String text = new String(ExpectedReportsTest.resource("/seeds/003_978a9fff42e671ca.txt"), StandardCharsets.UTF_8);
    String misread = text.replaceFirst("(?m)^(\\s*)一、总体情况", "$1一、和名体情况");
    org.junit.jupiter.api.Assertions.assertNotEquals(text, misread);
    Report expected = ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "seed.txt");
    Report actual = ReportReader.read(misread.getBytes(StandardCharsets.UTF_8), "seed.txt");
    org.junit.jupiter.api.Assertions.assertTrue(actual.findings().stream().noneMatch(f -> f.rule().equals("S1")),
        actual.findings().toString());
    assertEquals(expected.sections().overview(), actual.sections().overview());
    assertEquals(expected.applications(), actual.applications());
    org.junit.jupiter.api.Assertions.assertTrue(actual.findings().stream().anyMatch(f -> f.rule().equals("S2")
        && f.message().contains("和名体情况") && f.severity() == nianbao.core.model.Severity.NOTE),
        actual.findings().toString());
  }

  @org.junit.jupiter.api.Test
  void aListItemUnderANumeralIsNoDamagedHeading() {
    assertEquals(3, DamagedLabels.commonSubsequence("和名体情况", "总体情况"));
    // "一、是重点围绕…" (a list item) shares nothing with 总体情况: without the heading, section 一 is missing
    String text = "某县人民政府2022年政府信息公开工作年度报告\n一、是重点围绕基层\n二、主动公开政府信息情况\n";
    SectionFinder.Headings h = SectionFinder.find(FlatText.of(text));
    org.junit.jupiter.api.Assertions.assertFalse(h.found(0));
    org.junit.jupiter.api.Assertions.assertTrue(h.found(1));
  }
}

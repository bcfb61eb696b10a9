package nianbao.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.recognise.RecognisedReport;
import nianbao.core.region.PlaceMention;
import nianbao.core.region.PlaceNames;

/**
 * X3: the text names a place outside the agency's own city (a sign of text copied from another agency's
 * report). Needs the agency's region; each place is reported once, in the section where it first appears.
 */
public final class ForeignPlaceRule implements Rule {
  @Override
  public String id() {
    return "X3";
  }

  @Override
  public void check(RecognisedReport recognised, List<Finding> out) {
    Report report = recognised.report();
    Region own = report.region();
    if (own == null) {
      return;
    }
    Map<String, String> firstSection = new LinkedHashMap<>();
    String[] texts = {report.sections().overview(), report.sections().problems(), report.sections().other()};
    String[] sections = {"一", "五", "六"};
    Map<String, Region> regions = new LinkedHashMap<>();
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] == null) {
        continue;
      }
      for (PlaceMention mention : PlaceNames.foreign(texts[i], own)) {
        firstSection.putIfAbsent(mention.name(), sections[i]);
        regions.putIfAbsent(mention.name(), mention.region());
      }
    }
    for (Map.Entry<String, String> place : firstSection.entrySet()) {
      Region where = regions.get(place.getKey());
      out.add(Finding.warning(id(), Location.section(place.getValue()),
          "正文提到“" + place.getKey() + "”（" + describe(where) + "），不属于本机关所在的" + describe(own)
              + "，疑似照搬其他地方的报告", describe(own), place.getKey()));
    }
  }

  static String describe(Region region) {
    if (region == null) {
      return "其他地区";
    }
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {region.province(), region.city(), region.county()}) {
      if (part != null && (out.length() == 0 || !out.toString().endsWith(part))) {
        out.append(part);
      }
    }
    return out.length() == 0 ? "其他地区" : out.toString();
  }
}

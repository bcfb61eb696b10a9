package nianbao.api.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import nianbao.api.Json;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;

/** Indicators as the API answers them (schema {@code Indicator}): with their words on a report, bare in a list row. */
final class IndicatorJson {
  private IndicatorJson() {}

  /** Every indicator, in the order of {@link Indicator}; {@code words}: with label and definition. */
  static ArrayNode of(Map<Indicator, Share> shares, boolean words) {
    ArrayNode out = Json.array();
    for (Indicator indicator : Indicator.values()) {
      Share s = shares.get(indicator);
      if (s != null) {
        out.add(one(s, words));
      }
    }
    return out;
  }

  static ObjectNode one(Share s, boolean words) {
    ObjectNode o = Json.object();
    o.put("code", s.indicator().code());
    if (words) {
      o.put("label", s.indicator().label());
      o.put("definition", s.indicator().definition());
    }
    o.put("numerator", s.numerator());
    o.put("denominator", s.denominator());
    o.put("value", s.value());
    o.put("smallBase", s.smallBase());
    if (words) {
      o.put("ranked", s.ranked());
      o.put("unknownBecause", s.unknownBecause());
    }
    return o;
  }
}

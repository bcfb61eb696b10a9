package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Region;
import nianbao.core.region.PlaceNames;

/** Names of places outside the agency's own city that a text mentions. */
final class PlaceLookup {
  private PlaceLookup() {}

  record Mention(String name, Region region) {}

  static List<Mention> foreign(String text, Region own) {
    return PlaceNames.foreign(text, own).stream().map(m -> new Mention(m.name(), m.region())).toList();
  }
}

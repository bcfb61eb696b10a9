package nianbao.core.rules;

import java.util.List;
import nianbao.core.model.Region;

/** Names of other places in a text; delegates to the division list once it is in place. */
final class PlaceLookup {
  private PlaceLookup() {}

  record Mention(String name, Region region) {}

  static List<Mention> foreign(String text, Region own) {
    return List.of();
  }
}

package nianbao.core.recognise;

import nianbao.core.model.Region;
import nianbao.core.region.RegionResolver;

/** The agency's administrative division, from the printed agency name and the report's own words. */
final class RegionLookup {
  private RegionLookup() {}

  static Region resolve(String agency, String text) {
    return agency == null ? null : RegionResolver.resolve(agency, text);
  }
}

package nianbao.store;

import java.util.List;
import nianbao.store.item.AgencyAlias;

/**
 * An administrator's merge of agency {@code fromKey} into {@code intoKey}, as the API shows it: {@code state}
 * {@code MERGING} or {@code SPLITTING} while a merge or split is under way (cut short: run it again),
 * {@code MERGED} once done; {@code reports} the reports it moved (their ids never change).
 */
public record MergeView(String fromKey, String intoKey, String state, String fromAgency, String by, String at,
    String reason, List<String> reports) {

  static MergeView of(AgencyAlias a) {
    return new MergeView(a.fromKey(), a.intoKey(), a.state(), a.fromAgency(), a.by(), a.at(), a.reason(),
        a.reports().stream().sorted().toList());
  }
}

package nianbao.core.region;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Division codes that were replaced (县改区: 洪泽县 320829 became 洪泽区 320813 in 2016), from the committed table
 * {@code former-codes.tsv}. {@link Divisions} holds the 2023 codes only; a region carrying an older code (a roster's
 * code column, a report stored with it) is the division of its current code. Loaded once, immutable.
 */
public final class FormerCodes {

  /** One change: the old code and name, the current code and name, the year it took effect. */
  public record Change(String oldCode, String oldName, String code, String name, int year) {}

  private static final class Holder {
    static final FormerCodes INSTANCE = new FormerCodes();
  }

  private final Map<String, Change> byOldCode;
  private final List<Change> changes;

  private FormerCodes() {
    Map<String, Change> map = new HashMap<>();
    List<Change> list = new java.util.ArrayList<>();
    for (String[] cells : RegionData.rows("former-codes.tsv")) {
      Change c = new Change(cells[0], cells[1], cells[2], cells[3], Integer.parseInt(cells[4]));
      map.put(c.oldCode(), c);
      list.add(c);
    }
    byOldCode = Collections.unmodifiableMap(map);
    changes = Collections.unmodifiableList(list);
  }

  public static FormerCodes get() {
    return Holder.INSTANCE;
  }

  /** The current code of {@code code}: itself unless the table says it was replaced; null for null. */
  public String current(String code) {
    Change c = code == null ? null : byOldCode.get(code);
    return c == null ? code : c.code();
  }

  /** Every change in the table, in its order. */
  public List<Change> changes() {
    return changes;
  }
}

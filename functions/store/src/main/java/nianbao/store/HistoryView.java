package nianbao.store;

import nianbao.store.item.HistoryEntry;

/**
 * One entry of a report's audit history as the API serves it: when, what, who, on what, and the state before and
 * after (JSON text, or null).
 */
public record HistoryView(String at, String action, String by, String target, String before, String after,
    long revision) {

  static HistoryView of(HistoryEntry e) {
    return new HistoryView(e.at(), e.action(), e.by(), e.target(), e.before(), e.after(), e.revision());
  }
}

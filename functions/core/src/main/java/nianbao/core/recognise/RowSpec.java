package nianbao.core.recognise;

import java.util.List;

/**
 * One table row as the recogniser looks for it: its key, the words that identify its label (any one, the
 * earliest found wins), the list number its printed label starts with ("2.其他法律…" → 2, or 0), and how
 * many cells it has.
 */
record RowSpec(String key, List<String> keywords, int marker, int cells) {
  static RowSpec of(String key, int marker, int cells, String... keywords) {
    return new RowSpec(key, List.of(keywords), marker, cells);
  }
}

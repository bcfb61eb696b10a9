package nianbao.core.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A trie of names read backwards, for finding the names that end at a position of a text. Division
 * names end in a small set of characters (市, 区, 县 …), so a scan looks for those and walks the trie
 * back from each. Blanks inside a name in the text ("新乡 市") are skipped. Immutable and thread-safe
 * once built.
 */
final class ReverseTrie {
  /** Node reached from the root by each last character, 0 when none (node 0 is the root). */
  private final int[] rootChild = new int[65536];
  private final int[] firstEdge;
  private final int[] edgeCount;
  private final char[] edgeChar;
  private final int[] edgeNode;
  /** Per node: the id of the name that ends here, or -1. */
  private final int[] terminal;

  /** @param names the names; a name's id is its index. */
  ReverseTrie(List<String> names) {
    List<TreeMap<Character, Integer>> children = new ArrayList<>();
    List<Integer> term = new ArrayList<>();
    children.add(new TreeMap<>());
    term.add(-1);
    for (int id = 0; id < names.size(); id++) {
      String name = names.get(id);
      int node = 0;
      for (int i = name.length() - 1; i >= 0; i--) {
        Integer next = children.get(node).get(name.charAt(i));
        if (next == null) {
          next = children.size();
          children.add(new TreeMap<>());
          term.add(-1);
          children.get(node).put(name.charAt(i), next);
        }
        node = next;
      }
      if (term.get(node) < 0) {
        term.set(node, id);
      }
    }
    int n = children.size();
    firstEdge = new int[n];
    edgeCount = new int[n];
    terminal = new int[n];
    int edges = 0;
    for (TreeMap<Character, Integer> c : children) {
      edges += c.size();
    }
    edgeChar = new char[edges];
    edgeNode = new int[edges];
    int e = 0;
    for (int node = 0; node < n; node++) {
      terminal[node] = term.get(node);
      firstEdge[node] = e;
      edgeCount[node] = children.get(node).size();
      for (var entry : children.get(node).entrySet()) {
        edgeChar[e] = entry.getKey();
        edgeNode[e] = entry.getValue();
        e++;
      }
    }
    for (var entry : children.get(0).entrySet()) {
      rootChild[entry.getKey()] = entry.getValue();
    }
  }

  /**
   * The longest name ending just before {@code end}, skipping blanks inside it.
   *
   * @return {@code start << 32 | id}, or -1 when no name ends there
   */
  long longestEndingAt(CharSequence s, int end) {
    if (end <= 0) {
      return -1;
    }
    int node = rootChild[s.charAt(end - 1)];
    if (node == 0) {
      return -1;
    }
    long best = terminal[node] >= 0 ? ((long) (end - 1) << 32) | terminal[node] : -1;
    for (int i = end - 2; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\u3000' || c == '\u00A0') {
        continue;
      }
      node = child(node, c);
      if (node == 0) {
        break;
      }
      if (terminal[node] >= 0) {
        best = ((long) i << 32) | terminal[node];
      }
    }
    return best;
  }

  private int child(int node, char c) {
    int lo = firstEdge[node];
    int hi = lo + edgeCount[node] - 1;
    if (hi - lo < 8) {
      for (int e = lo; e <= hi; e++) {
        if (edgeChar[e] == c) {
          return edgeNode[e];
        }
      }
      return 0;
    }
    int i = Arrays.binarySearch(edgeChar, lo, hi + 1, c);
    return i >= 0 ? edgeNode[i] : 0;
  }
}

package nianbao.core.region;

import java.util.Arrays;
import java.util.List;

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
    // Build with first-child / next-sibling links in growable arrays, then flatten each node's
    // children into sorted edge arrays.
    int capacity = 1024;
    char[] nodeChar = new char[capacity];
    int[] firstChild = new int[capacity];
    int[] nextSibling = new int[capacity];
    int[] term = new int[capacity];
    term[0] = -1;
    int n = 1;
    for (int id = 0; id < names.size(); id++) {
      String name = names.get(id);
      int node = 0;
      for (int i = name.length() - 1; i >= 0; i--) {
        char c = name.charAt(i);
        int child = firstChild[node];
        while (child != 0 && nodeChar[child] != c) {
          child = nextSibling[child];
        }
        if (child == 0) {
          if (n == capacity) {
            capacity *= 2;
            nodeChar = Arrays.copyOf(nodeChar, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            nextSibling = Arrays.copyOf(nextSibling, capacity);
            term = Arrays.copyOf(term, capacity);
          }
          child = n++;
          nodeChar[child] = c;
          term[child] = -1;
          nextSibling[child] = firstChild[node];
          firstChild[node] = child;
        }
        node = child;
      }
      if (term[node] < 0) {
        term[node] = id;
      }
    }
    firstEdge = new int[n];
    edgeCount = new int[n];
    terminal = Arrays.copyOf(term, n);
    edgeChar = new char[n - 1];
    edgeNode = new int[n - 1];
    int e = 0;
    for (int node = 0; node < n; node++) {
      firstEdge[node] = e;
      for (int child = firstChild[node]; child != 0; child = nextSibling[child]) {
        // insertion into the node's sorted run of edges
        int j = e++;
        while (j > firstEdge[node] && edgeChar[j - 1] > nodeChar[child]) {
          edgeChar[j] = edgeChar[j - 1];
          edgeNode[j] = edgeNode[j - 1];
          j--;
        }
        edgeChar[j] = nodeChar[child];
        edgeNode[j] = child;
      }
      edgeCount[node] = e - firstEdge[node];
    }
    for (int child = firstChild[0]; child != 0; child = nextSibling[child]) {
      rootChild[nodeChar[child]] = child;
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

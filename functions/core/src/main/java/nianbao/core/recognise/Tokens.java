package nianbao.core.recognise;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Values as {@link ValueScanner} read them, each with where it stands in the {@link FlatText}: a list of strings
 * like any other for the solvers, carrying two ints per token so that a cell's evidence can be found afterwards
 * without any object per character. A token without a place (a blank cell, a value made up by a caller) has -1.
 */
final class Tokens extends AbstractList<String> {
  private String[] values = new String[8];
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private int size;

  static Tokens of(List<String> tokens) {
    if (tokens instanceof Tokens t) {
      return t;
    }
    Tokens out = new Tokens();
    tokens.forEach(out::add);
    return out;
  }

  /** Appends a token that stands at [start, end) of the flat text. */
  void add(String value, int start, int end) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    values[size] = value;
    starts[size] = start;
    ends[size] = end;
    size++;
    modCount++;
  }

  /** Appends token {@code i} of {@code from}, with its place if it has one. */
  void addFrom(List<String> from, int i) {
    if (from instanceof Tokens t) {
      add(t.values[i], t.starts[i], t.ends[i]);
    } else {
      add(from.get(i), -1, -1);
    }
  }

  void addAllFrom(List<String> from) {
    for (int i = 0; i < from.size(); i++) {
      addFrom(from, i);
    }
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  @Override
  public boolean add(String value) {
    add(value, -1, -1);
    return true;
  }

  @Override
  public String get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return values[i];
  }

  /** Replaces a token's text, keeping its start (a list marker cut off its end shortens it). */
  @Override
  public String set(int i, String value) {
    String old = get(i);
    values[i] = value;
    if (starts[i] >= 0 && old != null && value != null) {
      ends[i] = Math.max(starts[i], ends[i] - (old.length() - value.length()));
    }
    return old;
  }

  @Override
  public String remove(int i) {
    String old = get(i);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    System.arraycopy(starts, i + 1, starts, i, size - i - 1);
    System.arraycopy(ends, i + 1, ends, i, size - i - 1);
    values[--size] = null;
    modCount++;
    return old;
  }

  @Override
  public int size() {
    return size;
  }
}

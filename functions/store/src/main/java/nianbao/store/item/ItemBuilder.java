package nianbao.store.item;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The one builder behind every item schema: the enhanced client fills it attribute by attribute, and the
 * item record's {@code from} factory reads it back by name. One small class instead of a hand-written builder per
 * record keeps the immutable schemas short.
 */
public final class ItemBuilder {
  private final Map<String, Object> values = new HashMap<>();

  void put(String name, Object value) {
    values.put(name, value);
  }

  String s(String name) {
    return (String) values.get(name);
  }

  Integer i(String name) {
    return (Integer) values.get(name);
  }

  int i0(String name) {
    Integer v = (Integer) values.get(name);
    return v == null ? 0 : v;
  }

  Long l(String name) {
    return (Long) values.get(name);
  }

  long l0(String name) {
    Long v = (Long) values.get(name);
    return v == null ? 0 : v;
  }

  Boolean b(String name) {
    return (Boolean) values.get(name);
  }

  SdkBytes bytes(String name) {
    return (SdkBytes) values.get(name);
  }

  @SuppressWarnings("unchecked")
  Set<String> set(String name) {
    Set<String> v = (Set<String>) values.get(name);
    return v == null ? Set.of() : Set.copyOf(v);
  }

  @SuppressWarnings("unchecked")
  Map<String, Integer> intMap(String name) {
    Map<String, Integer> v = (Map<String, Integer>) values.get(name);
    return v == null ? Map.of() : Map.copyOf(v);
  }
}

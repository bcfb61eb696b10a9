package nianbao.store.item;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/** Builds a static immutable table schema for an item record, once, at class initialisation. */
final class SchemaBuilder<T> {
  private final StaticImmutableTableSchema.Builder<T, ItemBuilder> builder;

  SchemaBuilder(Class<T> type, Function<ItemBuilder, T> factory) {
    this.builder = StaticImmutableTableSchema.builder(type, ItemBuilder.class)
        .newItemBuilder(ItemBuilder::new, factory);
  }

  SchemaBuilder<T> string(String name, Function<T, String> getter, StaticAttributeTag... tags) {
    builder.addAttribute(String.class, a -> a.name(name).getter(getter).setter((b, v) -> b.put(name, v)).tags(tags));
    return this;
  }

  SchemaBuilder<T> integer(String name, Function<T, Integer> getter) {
    builder.addAttribute(Integer.class, a -> a.name(name).getter(getter).setter((b, v) -> b.put(name, v)));
    return this;
  }

  SchemaBuilder<T> longer(String name, Function<T, Long> getter) {
    builder.addAttribute(Long.class, a -> a.name(name).getter(getter).setter((b, v) -> b.put(name, v)));
    return this;
  }

  SchemaBuilder<T> bool(String name, Function<T, Boolean> getter) {
    builder.addAttribute(Boolean.class, a -> a.name(name).getter(getter).setter((b, v) -> b.put(name, v)));
    return this;
  }

  SchemaBuilder<T> bytes(String name, Function<T, SdkBytes> getter) {
    builder.addAttribute(SdkBytes.class, a -> a.name(name).getter(getter).setter((b, v) -> b.put(name, v)));
    return this;
  }

  /** A string set; an empty set is left out of the item (DynamoDB has no empty sets). */
  SchemaBuilder<T> stringSet(String name, Function<T, Set<String>> getter) {
    builder.addAttribute(EnhancedType.setOf(String.class), a -> a.name(name)
        .getter(t -> {
          Set<String> v = getter.apply(t);
          return v == null || v.isEmpty() ? null : v;
        })
        .setter((b, v) -> b.put(name, v)));
    return this;
  }

  SchemaBuilder<T> intMap(String name, Function<T, Map<String, Integer>> getter) {
    builder.addAttribute(EnhancedType.mapOf(String.class, Integer.class), a -> a.name(name)
        .getter(t -> {
          Map<String, Integer> v = getter.apply(t);
          return v == null || v.isEmpty() ? null : v;
        })
        .setter((b, v) -> b.put(name, v)));
    return this;
  }

  TableSchema<T> build() {
    return builder.build();
  }
}

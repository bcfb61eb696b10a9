package nianbao.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values — {@code Map<String, Object>} (in document order), {@code List<Object>}, String,
 * Long or BigInteger, BigDecimal, Boolean and null — read and written with Jackson's streaming API only. The
 * functions' cold paths use it instead of an ObjectMapper, whose construction and first use cost a cold start
 * more than everything else they do with JSON (see functions/ingest's ColdStartBench).
 */
public final class JsonTree {
  /** Thread-safe and cheap to build; one for all streaming reads and writes. */
  public static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  public static Object read(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Object read(InputStream json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readDocument(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object readDocument(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      return null; // an empty document
    }
    Object value = readValue(p);
    if (p.nextToken() != null) {
      throw new IOException("more than one JSON value at " + p.currentLocation());
    }
    return value;
  }

  /** The value at the parser's current token; the parser is left on its last token. */
  static Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, readValue(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return t == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + t + " at " + p.currentLocation());
    }
  }

  /** Writes a value of the kinds {@link #read} returns (any Number, Iterable and Map with String keys too). */
  public static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        write(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** The member {@code name} of an object, or null if the value is not an object or lacks it. */
  public static Object member(Object object, String name) {
    return object instanceof Map<?, ?> map ? map.get(name) : null;
  }

  /** A member's text ({@link #text(Object)}). */
  public static String text(Object object, String name) {
    return text(member(object, name));
  }

  /** A value's text: strings as they are, numbers (decimals without exponent) and booleans; null for the rest. */
  public static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
  }
}

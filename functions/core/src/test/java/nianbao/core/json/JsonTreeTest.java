package nianbao.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  @Test
  void readsEveryKindOfValueInDocumentOrder() {
    Object tree = JsonTree.read("{\"b\":[1,-2,12345678901234567890,1.50,\"文\",true,false,null],\"a\":{},\"c\":[]}");
    Map<?, ?> map = (Map<?, ?>) tree;
    assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()), "members in the order written");
    assertEquals(Arrays.asList(1L, -2L, new BigInteger("12345678901234567890"), new BigDecimal("1.50"), "文", true,
        false, null), map.get("b"));
    assertEquals(Map.of(), map.get("a"));
    assertEquals(List.of(), map.get("c"));
  }

  @Test
  void writesWhatItReadsBackToTheSameText() throws Exception {
    String json = "{\"records\":[{\"key\":\"报告 2022 v1+final.txt\",\"size\":12,\"ok\":true,\"detail\":null}],"
        + "\"amount\":1.50,\"big\":12345678901234567890}";
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
      JsonTree.write(g, JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }
    assertEquals(json, out.toString());
  }

  @Test
  void writesJavaCollectionsAndNumbers() throws Exception {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("examined", 3);
    answer.put("versions", List.of("a", "b"));
    answer.put("ratio", 0.5);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
      JsonTree.write(g, answer);
    }
    assertEquals("{\"examined\":3,\"versions\":[\"a\",\"b\"],\"ratio\":0.5}", out.toString());
    assertThrows(IllegalArgumentException.class, () -> JsonTree.write(JsonTree.FACTORY.createGenerator(
        new StringWriter()), new Object()));
  }

  @Test
  void membersAndTheirTextAreNullWhereThereIsNone() {
    Object tree = JsonTree.read("{\"n\":7,\"d\":2.50,\"s\":\"x\",\"o\":{\"k\":1},\"z\":null}");
    assertEquals("7", JsonTree.text(tree, "n"));
    assertEquals("2.50", JsonTree.text(tree, "d"));
    assertEquals("x", JsonTree.text(tree, "s"));
    assertNull(JsonTree.text(tree, "o"), "an object has no text");
    assertNull(JsonTree.text(tree, "z"));
    assertNull(JsonTree.text(tree, "missing"));
    assertEquals(1L, JsonTree.member(JsonTree.member(tree, "o"), "k"));
    assertNull(JsonTree.member("not an object", "k"));
    assertNull(JsonTree.read(""), "an empty document is null");
  }

  @Test
  void malformedJsonIsAnUncheckedIoException() {
    assertThrows(UncheckedIOException.class, () -> JsonTree.read("{\"a\":"));
    assertThrows(UncheckedIOException.class, () -> JsonTree.read("[1,]x"));
    assertThrows(UncheckedIOException.class, () -> JsonTree.read("{} []"));
  }
}

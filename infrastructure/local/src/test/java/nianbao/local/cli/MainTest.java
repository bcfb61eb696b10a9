package nianbao.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: output, one-line errors naming the file, exit statuses. */
class MainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parseOneFilePrintsItsJson() throws Exception {
    Path seed = seed("003_978a9fff42e671ca.txt");
    assertEquals(0, run("parse", seed.toString()));
    JsonNode json = new ObjectMapper().readTree(out());
    assertEquals("新乡县人民政府", json.get("agency").asText());
    assertEquals(13, json.at("/applications/rows/newReceived/6").asInt());
    assertEquals("", err());
  }

  @Test
  void parseSeveralFilesPrintsOneJsonDocumentPerLine() throws Exception {
    seed("003_978a9fff42e671ca.txt");
    seed("000_dc7fa2148f231570.txt");
    assertEquals(0, run("parse", dir.toString()));
    List<String> lines = out().lines().toList();
    assertEquals(2, lines.size());
    for (String line : lines) {
      assertEquals(1, new ObjectMapper().readTree(line).get("schemaVersion").asInt());
    }
  }

  @Test
  void badInputGetsOneLineNamingTheFileAndStatusTwoAndNoJson() throws Exception {
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    Path junk = Files.write(dir.resolve("junk.bin"), junk());
    Path poem = Files.writeString(dir.resolve("poem.txt"), "床前明月光，疑是地上霜。\n");
    Path truncated = Files.writeString(dir.resolve("cut.txt"), Files.readString(seed("003_978a9fff42e671ca.txt"))
        .substring(0, 900));
    Path huge = dir.resolve("huge.txt");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(50L * 1024 * 1024);
    }
    Path missing = dir.resolve("missing.txt");
    for (Path bad : List.of(empty, junk, poem, truncated, huge, missing)) {
      out.reset();
      err.reset();
      assertEquals(2, run("parse", bad.toString()), bad.toString());
      assertEquals("", out(), "no JSON at all for " + bad);
      List<String> lines = err().lines().toList();
      assertEquals(1, lines.size(), err());
      assertTrue(lines.get(0).startsWith("nianbao: " + bad + ": "), lines.get(0));
      assertFalse(err().contains("Exception") || err().contains("\tat "), err());
    }
    assertTrue(runAndErr("parse", huge.toString()).contains("文件过大（50.0 MB"));
    assertTrue(runAndErr("parse", truncated.toString()).contains("报告不完整"));
  }

  @Test
  void checkPrintsATableAndASummaryAndExitsOneOnErrors() throws Exception {
    String broken = Files.readString(seed("003_978a9fff42e671ca.txt"))
        .replace("一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13", "一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12");
    Path file = Files.writeString(dir.resolve("broken.txt"), broken);
    assertEquals(1, run("check", file.toString()));
    assertTrue(out().contains("B1"), out());
    assertTrue(out().contains("规则  级别"), out());
    assertTrue(out().lines().reduce((a, b) -> b).orElseThrow().startsWith("共 1 份：1 份有错误"), out());
  }

  @Test
  void checkExitsZeroWhenNothingIsWrongAndTwoWhenAFileIsUnreadable() throws Exception {
    Path good = seed("000_dc7fa2148f231570.txt");
    assertEquals(0, run("check", good.toString()));
    // seed 003 prints 13 rows' totals alone (warnings) and its blank cells kept B2 from running (a reading note)
    assertEquals(0, run("check", seed("003_978a9fff42e671ca.txt").toString()));
    assertTrue(out().contains("13 个警告（1 条读取说明）"), out());
    assertTrue(out().contains("S2    说明"), out());
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    assertEquals(2, run("check", good.toString(), empty.toString()));
    assertTrue(out().contains("1 份无法读取"), out());
  }

  @Test
  void unknownCommandShowsUsage() {
    assertEquals(64, run("frobnicate"));
    assertTrue(err().contains("用法"));
  }

  private String runAndErr(String... args) {
    err.reset();
    run(args);
    return err();
  }

  private Path seed(String name) throws IOException {
    return Files.write(dir.resolve(name), SeedReports.bytes(name));
  }

  private static byte[] junk() {
    byte[] bytes = new byte[2048];
    new java.util.Random(3).nextBytes(bytes);
    bytes[0] = 0x02;
    return bytes;
  }
}

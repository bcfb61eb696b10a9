package nianbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The five seed reports (copied from core's fixtures) and variants made from them. */
final class Seeds {
  static final List<String> NAMES = List.of("000_dc7fa2148f231570.txt", "001_6b6d80a219e047ef.txt",
      "002_247cf08f496e631f.txt", "003_978a9fff42e671ca.txt", "004_966a26715276eb9e.txt");
  /** 新乡县人民政府 2022. */
  static final String XINXIANG_2022 = "003_978a9fff42e671ca.txt";

  private Seeds() {}

  static byte[] bytes(String name) {
    try (InputStream in = Seeds.class.getResourceAsStream("/seeds/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The same agency's report for another year: the title's year changed, the tables as they are. */
  static byte[] otherYear(String name, int from, int to) {
    return text(name).replaceFirst(from + "年政府信息公开", to + "年政府信息公开").getBytes(StandardCharsets.UTF_8);
  }

  /** A corrected upload of the same report: other bytes, same agency and year. */
  static byte[] corrected(String name, String note) {
    return (text(name) + "\n" + note + "\n").getBytes(StandardCharsets.UTF_8);
  }
}

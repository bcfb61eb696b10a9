package nianbao.api.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and checks query parameters; every refusal is a 400 problem that names the parameter and the rule. */
public final class Params {
  /** The first report year: the regulation on government information disclosure took effect on 2008-05-01. */
  public static final int FIRST_YEAR = 2008;

  private Params() {}

  /**
   * Parses a raw query string (as API Gateway passes it in {@code rawQueryString}): {@code +} is a space, every
   * name at most once.
   */
  public static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), pair);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), pair);
      if (out.containsKey(name)) {
        throw Problem.badParameter(name, "参数 " + name + " 只能给出一次");
      }
      out.put(name, value);
    }
    return out;
  }

  private static String decode(String s, String pair) {
    try {
      String decoded = URLDecoder.decode(s, StandardCharsets.UTF_8);
      if (decoded.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD') < 0) {
        // percent-escapes that are not UTF-8: the decoder substitutes rather than fails
        throw new IllegalArgumentException("not UTF-8");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw new Problem(Problem.Type.BAD_PARAMETER, "查询字符串中的 “" + pair + "” 不是有效的 URL 编码");
    }
  }

  /** Refuses parameters this route does not know (a misspelt filter would otherwise be silently ignored). */
  public static void onlyKnown(Request r, Set<String> known) {
    for (String name : r.query().keySet()) {
      if (!known.contains(name)) {
        throw Problem.badParameter(name, "未知参数 " + name + "；此地址支持："
            + (known.isEmpty() ? "（无参数）" : String.join("、", known.stream().sorted().toList())));
      }
    }
  }

  /** A report year, {@link #FIRST_YEAR} to this year, or null when absent. */
  public static Integer year(Request r, String name, Clock clock) {
    String v = text(r, name, 4);
    if (v == null) {
      return null;
    }
    int max = Year.now(clock).getValue();
    int year;
    try {
      year = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw Problem.badParameter(name, "参数 " + name + " 应为四位年份，收到 “" + v + "”");
    }
    if (year < FIRST_YEAR || year > max) {
      throw Problem.badParameter(name, "参数 " + name + " 超出范围：" + year + "；年度报告的年份在 " + FIRST_YEAR
          + " 到 " + max + " 之间").with("minimum", FIRST_YEAR).with("maximum", max);
    }
    return year;
  }

  public static int integer(Request r, String name, int defaultValue, int min, int max) {
    String v = r.query(name);
    if (v == null) {
      return defaultValue;
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw Problem.badParameter(name, "参数 " + name + " 应为整数，收到 “" + v + "”");
    }
    if (n < min || n > max) {
      throw Problem.badParameter(name, "参数 " + name + " 应在 " + min + " 到 " + max + " 之间，收到 " + n)
          .with("minimum", min).with("maximum", max);
    }
    return n;
  }

  /** One of {@code allowed} (upper-cased), or null when absent. */
  public static String oneOf(Request r, String name, List<String> allowed) {
    String v = text(r, name, 40);
    if (v == null) {
      return null;
    }
    String up = v.toUpperCase(Locale.ROOT);
    if (!allowed.contains(up)) {
      throw Problem.badParameter(name, "参数 " + name + " 的值 “" + v + "” 无效；可选：" + String.join("、", allowed))
          .with("allowed", allowed);
    }
    return up;
  }

  /** Trimmed text of at most {@code maxLength} characters, or null when absent; present but blank is refused. */
  /**
   * A place name (province, city, county): text without the characters the store's keys are made of — {@code *}
   * stands for "every place" there, so {@code province=*} once answered with the national total.
   */
  public static String place(Request r, String name) {
    String v = text(r, name, 30);
    if (v != null && v.chars().anyMatch(c -> c == '*' || c == '#' || c == '|' || Character.isISOControl(c))) {
      throw Problem.badParameter(name, "参数 " + name + " 应为地名（不含 * # | 等符号）");
    }
    return v;
  }

  public static String text(Request r, String name, int maxLength) {
    String v = r.query(name);
    if (v == null) {
      return null;
    }
    v = v.strip();
    if (v.isEmpty()) {
      throw Problem.badParameter(name, "参数 " + name + " 为空");
    }
    if (v.codePointCount(0, v.length()) > maxLength) {
      throw Problem.badParameter(name, "参数 " + name + " 过长（最多 " + maxLength + " 个字符）");
    }
    return v;
  }
}

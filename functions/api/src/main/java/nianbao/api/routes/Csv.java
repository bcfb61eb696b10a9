package nianbao.api.routes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;
import nianbao.core.vocabulary.Vocabulary;

/**
 * RFC 4180 CSV with a BOM (so that Excel shows Chinese) and CRLF, for people to hand on: statuses and severities
 * in Chinese, times in China time, shares as percentages, text that could start a spreadsheet formula prefixed.
 */
final class Csv implements Sheet {
  private final StringBuilder sb = new StringBuilder("\uFEFF");

  /** Marks untrusted text: a leading =, +, -, @, tab or CR would make a spreadsheet read it as a formula. */
  static Text text(String s) {
    return s == null ? null : new Text(s);
  }

  record Text(String value) {}

  @Override
  public void row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object c = cells.get(i);
      if (c == null) {
        continue;
      }
      String s;
      if (c instanceof Text t) {
        s = t.value();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
          s = "'" + s;
        }
      } else {
        s = c.toString();
      }
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(s);
      }
    }
    sb.append("\r\n");
  }

  @Override
  public String toString() {
    return sb.toString();
  }

  @Override
  public byte[] bytes() {
    return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** An instant (ISO, UTC) as China time {@code 2023-01-20 16:05:00}; as it is when it is no instant. */
  static String chinaTime(String instant) {
    if (instant == null) {
      return null;
    }
    try {
      return Instant.parse(instant).atZone(CHINA).format(CHINA_TIME);
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  /** A report's status in the template's words (通过, 有错误, 无法识别). */
  static String status(String status) {
    return status == null ? null : Vocabulary.STATUSES.stream().filter(t -> t.key().equals(status))
        .map(Vocabulary.Term::label).findFirst().orElse(status);
  }

  /** The indicators' columns: each share, then which were over fewer than ten cases. */
  static final List<String> INDICATOR_COLUMNS = indicatorColumns();

  private static List<String> indicatorColumns() {
    List<String> out = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      out.add(i.label());
    }
    out.add("分母小于10的指标");
    return List.copyOf(out);
  }

  /** A share as a percentage with one decimal ({@code 61.5%}); empty when unknown. */
  static String percent(Share s) {
    return s == null || s.value() == null ? null : String.format("%.1f%%", s.value() * 100);
  }

  static void addIndicators(List<Object> line, Map<Indicator, Share> shares) {
    List<String> small = new ArrayList<>();
    for (Indicator i : Indicator.values()) {
      Share s = shares.get(i);
      line.add(percent(s));
      if (s != null && s.value() != null && s.smallBase()) {
        small.add(i.label());
      }
    }
    line.add(String.join("、", small));
  }
}

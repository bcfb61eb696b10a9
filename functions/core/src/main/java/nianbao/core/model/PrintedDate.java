package nianbao.core.model;

/**
 * The date a report prints for itself: its publication date (发布日期 / 发布时间 / 成文日期, as a web page or the
 * document labels it) or, failing that, the date under its signature (落款) at its end. Never the upload date.
 *
 * @param date    ISO {@code yyyy-MM-dd}
 * @param kind    {@code 发布日期} or {@code 落款}
 * @param printed the text as printed (normalised to half-width)
 */
public record PrintedDate(String date, String kind, String printed) {
  public static final String PUBLISHED = "发布日期";
  public static final String SIGNED = "落款";
}

package nianbao.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How the store writes every time: ISO-8601 UTC with always three digits of milliseconds, so the text sorts as the
 * time does ({@code ISO_INSTANT} leaves the fraction out at .000, and {@code …:05Z} sorts after {@code …:05.001Z}).
 */
public final class Timestamps {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant t) {
    return MILLIS.format((t == null ? Instant.EPOCH : t).truncatedTo(ChronoUnit.MILLIS));
  }
}

package nianbao.store;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the store writes every time: ISO-8601 UTC to the millisecond, so the text sorts as the time does. */
public final class Timestamps {
  private Timestamps() {}

  public static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format((t == null ? Instant.EPOCH : t).truncatedTo(ChronoUnit.MILLIS));
  }
}

package nianbao.store;

/**
 * S3 sequencers order the events of one key: compare them as hexadecimal numbers of different lengths by
 * left-padding the shorter with zeros (the S3 documentation's rule).
 */
public final class Sequencers {
  private static final int WIDTH = 32;

  private Sequencers() {}

  public static String padded(String sequencer) {
    if (sequencer == null) {
      return "0".repeat(WIDTH);
    }
    String s = sequencer.toUpperCase(java.util.Locale.ROOT);
    return s.length() >= WIDTH ? s : "0".repeat(WIDTH - s.length()) + s;
  }

  public static int compare(String a, String b) {
    return padded(a).compareTo(padded(b));
  }
}

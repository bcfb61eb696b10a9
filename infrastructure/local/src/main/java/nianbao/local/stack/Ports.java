package nianbao.local.stack;

/**
 * The local stack's ports on 127.0.0.1: page, HTTP API, S3, DynamoDB and the Lambda/SQS endpoint, in that order
 * from a base port (default 4400), so addresses stay the same from one run to the next. A default port that is
 * taken is replaced by a free one (and said so); a port the user asked for that is taken is an error.
 */
record Ports(int page, int api, int s3, int dynamodb, int services) {
  static final int DEFAULT_BASE = 4400;

  /**
   * @param base     the first port, or 0 for free ports throughout (tests)
   * @param explicit whether the user chose {@code base}: a taken port then fails instead of moving
   */
  static Ports choose(int base, boolean explicit, java.util.function.Consumer<String> log) {
    int[] chosen = new int[5];
    String[] names = {"page", "API", "S3", "DynamoDB", "Lambda/SQS"};
    for (int i = 0; i < chosen.length; i++) {
      int wanted = base == 0 ? 0 : base + i;
      if (wanted != 0 && !free(wanted)) {
        if (explicit) {
          throw new IllegalStateException("端口 " + wanted + "（" + names[i] + "）已被占用：另一个 ./nianbao serve 在运行，"
              + "或换一个 --port (port " + wanted + " for " + names[i] + " is taken)");
        }
        log.accept("端口 " + wanted + "（" + names[i] + "）已被占用，改用空闲端口 (port " + wanted + " taken; using a free one)");
        wanted = 0;
      }
      chosen[i] = wanted == 0 ? freePort(chosen) : wanted;
    }
    return new Ports(chosen[0], chosen[1], chosen[2], chosen[3], chosen[4]);
  }

  private static boolean free(int port) {
    return nianbao.servers.FreePorts.isFree(port);
  }

  private static int freePort(int[] taken) {
    while (true) {
      int port = nianbao.servers.FreePorts.loopback();
      if (java.util.Arrays.stream(taken).noneMatch(p -> p == port)) {
        return port;
      }
    }
  }
}

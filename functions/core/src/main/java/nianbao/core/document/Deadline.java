package nianbao.core.document;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a reader on a worker thread with a time limit. The caller stops waiting at the limit and the worker
 * is interrupted; readers also call {@link #check()} in their loops so that a runaway parse ends promptly
 * instead of burning the CPU after its caller has given up.
 */
public final class Deadline {
  private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "nianbao-reader-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private Deadline() {}

  /** Thrown inside a reader whose time is up; turned into the rejection by {@link #run}. */
  static final class Exceeded extends RuntimeException {
    Exceeded() {
      super("deadline exceeded", null, false, false);
    }
  }

  /** Throws {@link Exceeded} when the current reader's time is up or its thread was interrupted. */
  public static void check() {
    Long deadline = DEADLINE.get();
    if (Thread.currentThread().isInterrupted() || deadline != null && System.nanoTime() - deadline > 0) {
      throw new Exceeded();
    }
  }

  /**
   * Runs a reader on the caller's thread with the time limit: for the text reader, whose work is linear in
   * bytes already bounded by the size limit, so that a worker thread's hand-off is not paid on every text.
   * Anything else the reader throws reaches the caller as it is.
   */
  static Document runHere(String format, Duration limit, Reader reader) throws UnreadableDocumentException {
    Long outer = DEADLINE.get();
    DEADLINE.set(System.nanoTime() + limit.toNanos());
    try {
      return reader.read();
    } catch (Exceeded e) {
      throw timeout(format, limit);
    } finally {
      if (outer == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(outer);
      }
    }
  }

  /** A reader's work that may reject the document. */
  interface Reader {
    Document read() throws UnreadableDocumentException;
  }

  static Document run(String format, Duration limit, Callable<Document> reader) throws UnreadableDocumentException {
    long deadline = System.nanoTime() + limit.toNanos();
    Future<Document> future = WORKERS.submit(() -> {
      DEADLINE.set(deadline);
      try {
        return reader.call();
      } finally {
        DEADLINE.remove();
      }
    });
    try {
      return future.get(limit.toMillis() + 50, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw timeout(format, limit);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new UnreadableDocumentException(format, "读取被中断", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnreadableDocumentException u) {
        throw u;
      }
      throw rejection(format, limit, cause);
    }
  }

  /** What a reader's failure (other than its own rejection) tells the uploader. */
  private static UnreadableDocumentException rejection(String format, Duration limit, Throwable cause) {
    if (cause instanceof Exceeded) {
      return timeout(format, limit);
    }
    if (cause instanceof OutOfMemoryError) {
      return new UnreadableDocumentException(format, FormatSniffer.describe(format) + "过于复杂：读取所需内存超过上限", cause);
    }
    if (cause instanceof StackOverflowError) {
      return new UnreadableDocumentException(format, FormatSniffer.describe(format) + "结构嵌套过深，无法读取", cause);
    }
    return new UnreadableDocumentException(format, FormatSniffer.describe(format) + "已损坏或结构异常，无法读取", cause);
  }

  private static UnreadableDocumentException timeout(String format, Duration limit) {
    String seconds = java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    return new UnreadableDocumentException(format, "读取超时：" + FormatSniffer.describe(format) + " 超过 " + seconds
        + " 秒仍未读完，已停止（文件过于复杂或已损坏）");
  }
}

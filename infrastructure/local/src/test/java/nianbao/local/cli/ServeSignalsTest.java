package nianbao.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nianbao.local.stack.StackInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./nianbao serve} started as a script's background job — SIGINT ignored, as a shell without job control
 * leaves it — still stops on SIGINT as on SIGTERM, and {@code ./nianbao stop} stops it. Serve runs in a JVM of its
 * own, launched the way ./nianbao launches it (bin/java-interruptible), in memory on the default ports (moved when
 * taken).
 */
class ServeSignalsTest {
  static final Path ROOT = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();

  @TempDir
  Path state;
  private Process serve;

  @AfterEach
  void killWhatIsLeft() {
    if (serve != null && serve.isAlive()) {
      serve.destroyForcibly();
    }
  }

  /** serve as {@code ./nianbao serve --in-memory &} in a script starts it, its state in {@link #state}. */
  private Process serveInTheBackground() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder("bash", "-c", "trap '' INT; JAVA=\"$1\" exec \"$0\" -cp \"$2\" -Dnianbao.root=\"$3\" "
        + "nianbao.local.cli.Main serve --in-memory --no-samples --no-page-build --data \"$4\"",
        ROOT.resolve("infrastructure/local/bin/java-interruptible").toString(), java, classpath, ROOT.toString(),
        state.toString())
        .redirectErrorStream(true).redirectOutput(state.resolve("serve.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (StackInfo.read(state).isEmpty()) {
      assertTrue(p.isAlive(), "serve stopped before it was up: " + log());
      assertTrue(System.nanoTime() < deadline, "serve not up in 180 s: " + log());
      Thread.sleep(200);
    }
    return p;
  }

  private String log() throws IOException {
    return Files.readString(state.resolve("serve.log"), StandardCharsets.UTF_8);
  }

  @Test
  void aBackgroundServeStopsOnSigint() throws Exception {
    serve = serveInTheBackground();
    new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).inheritIO().start().waitFor();
    assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGINT: " + log());
    assertTrue(log().contains("正在停止"), "its shutdown ran: " + log());
    assertTrue(StackInfo.read(state).isEmpty(), "stack.json is gone with it");
  }

  @Test
  void stopStopsARunningServeAndSaysWhenNoneRuns() throws Exception {
    serve = serveInTheBackground();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertEquals(0, Main.run(new String[] {"stop", "--data", state.toString()}, print, print));
    assertFalse(serve.isAlive(), "stop returns once serve has stopped");
    assertTrue(log().contains("正在停止"), "stopped through its shutdown, as Ctrl-C stops it: " + log());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("本地栈已停止"));

    out.reset();
    assertEquals(0, Main.run(new String[] {"stop", "--data", state.toString()}, print, print));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("没有正在运行的本地栈"));
    assertEquals(64, Main.run(new String[] {"stop", "--bogus"}, print, print));
  }
}

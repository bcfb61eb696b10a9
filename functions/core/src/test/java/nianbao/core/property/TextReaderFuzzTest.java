package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the reader with text input. Whatever the bytes, {@link ReportReader#read} either returns a report
 * or throws {@link UnreadableDocumentException}; nothing else escapes, and no input takes over a second.
 *
 * <p>A plain {@code mvn test} runs the saved inputs under {@code TextReaderFuzzTestInputs/<target>/}
 * (regression mode). {@code JAZZER_FUZZ=1 mvn -pl functions/core -am test -Dtest='TextReaderFuzzTest#<target>'}
 * fuzzes one target for at most {@code maxDuration}; a failing input is saved next to the others.
 */
class TextReaderFuzzTest {
  /** The bound per input; a seed report reads in a few milliseconds without instrumentation. */
  private static final long ONE_SECOND = 1_000_000_000L;

  /**
   * While fuzzing, how many seed reports' reading time one input may take, when that is more than a
   * second. Coverage instrumentation slows reads unevenly, 10 to 200 times (a 4.5 KB input read in 5 ms
   * plain took 1.1 s while fuzzing), so a fixed second would flag ordinary inputs; this bound catches
   * runaway searches, and every input fuzzing saves is held to the plain second in regression mode,
   * where only Jazzer's compare hooks are in place (seeds read in tens of milliseconds there, and the
   * 1.2 s input of 06aadcd took 1.36 s).
   */
  private static final int SEED_READS_PER_INPUT = 100;

  /** The bound in force; while fuzzing, measured on the first input, once the instrumentation is in place. */
  private static long limitNanos;

  private static final List<String> SEEDS = new ArrayList<>();

  /**
   * Pieces a real extraction shuffles around: separators, list markers, the words labels are found by,
   * and numbers. Inserting them makes the recogniser's damaged-row paths (splits, gaps, extras) run.
   */
  private static final String[] FRAGMENTS = {"\t", "\n", " ", "\t\t\t", "0", "7", "13", "713000074", "2.",
      "（七）总计", "总计", "结果维持", "尚未审结", "本年新收", "上年结转", "予以公开", "结转下年度继续办理",
      "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
      "行政规范性文件", "保留4位小数", "7504.2371", "-", "—", "/", "2024年政府信息公开工作年度报告", "其他",
      "\uFEFF", "\u3000", "１２"};

  @BeforeAll
  static void loadSeedsAndWarmUp() throws UnreadableDocumentException {
    for (String name : SeedReports.NAMES) {
      SEEDS.add(SeedReports.text(name));
    }
    // Region data and JIT warm-up happen once per JVM; they are not what the bound is about.
    for (String seed : SEEDS) {
      ReportReader.read(seed.getBytes(StandardCharsets.UTF_8), "warm-up.txt");
    }
  }

  /** Any bytes at all; the saved inputs are real reports in UTF-8, UTF-16 and GB18030 for libFuzzer to mutate. */
  @FuzzTest(maxDuration = "60s")
  void arbitraryBytes(byte[] input) {
    readWithinBudget(input);
  }

  /**
   * A seed report edited the way extractions damage reports: spans cut, label words, numbers and
   * separators inserted, whitespace removed so digits run together, lines duplicated. Random bytes rarely
   * get past the section and label search; these edits keep the text a report and so reach the solvers.
   */
  @FuzzTest(maxDuration = "60s")
  void mutatedSeed(FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder(SEEDS.get(data.consumeInt(0, SEEDS.size() - 1)));
    int edits = data.consumeInt(0, 12);
    for (int e = 0; e < edits && data.remainingBytes() > 0; e++) {
      int at = data.consumeInt(0, text.length());
      int span = Math.min(data.consumeInt(0, 400), text.length() - at);
      switch (data.consumeInt(0, 5)) {
        case 0 -> text.delete(at, at + span);
        case 1 -> text.insert(at, data.pickValue(FRAGMENTS));
        case 2 -> text.insert(at, data.consumeString(40));
        case 3 -> removeWhitespace(text, at, at + span);
        case 4 -> text.insert(at, text.substring(at, at + span));
        default -> replaceDigits(text, at, at + span, data.consumeInt(0, 99_999));
      }
    }
    Charset charset = data.consumeBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    readWithinBudget(text.toString().getBytes(charset));
  }

  private static void removeWhitespace(StringBuilder text, int from, int to) {
    String kept = text.substring(from, to).replaceAll("[\\t\\n ]", "");
    text.replace(from, to, kept);
  }

  /** Every number in the span becomes {@code value}: totals stop adding up, digit counts change. */
  private static void replaceDigits(StringBuilder text, int from, int to, int value) {
    String replaced = text.substring(from, to).replaceAll("\\d+", Integer.toString(value));
    text.replace(from, to, replaced);
  }

  /**
   * Fails when reading takes over the limit on each of three tries: a one-off pause (a class loaded and
   * instrumented on first use, a JIT deoptimisation, a GC) is not the input's fault, a slow input is slow
   * every time.
   */
  private static void readWithinBudget(byte[] input) {
    if (limitNanos == 0) {
      limitNanos = calibratedLimit();
    }
    long best = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3 && best >= limitNanos; attempt++) {
      best = Math.min(best, timedRead(input));
    }
    long fastest = best;
    assertTrue(fastest < limitNanos, () -> "reading " + input.length + " bytes took " + fastest / 1_000_000
        + " ms (limit " + limitNanos / 1_000_000 + " ms)");
  }

  private static long calibratedLimit() {
    String fuzzing = System.getenv("JAZZER_FUZZ");
    if (fuzzing == null || fuzzing.isEmpty()) {
      return ONE_SECOND;
    }
    long slowestSeed = 0;
    for (String seed : SEEDS) {
      long fastest = Long.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        fastest = Math.min(fastest, timedRead(seed.getBytes(StandardCharsets.UTF_8)));
      }
      slowestSeed = Math.max(slowestSeed, fastest);
    }
    long limit = Math.max(ONE_SECOND, SEED_READS_PER_INPUT * slowestSeed);
    System.out.printf("TextReaderFuzzTest: fuzzing; slowest seed %d ms, limit per input %d ms%n",
        slowestSeed / 1_000_000, limit / 1_000_000);
    return limit;
  }

  private static long timedRead(byte[] input) {
    long start = System.nanoTime();
    try {
      ReportReader.read(input, "fuzz.txt");
    } catch (UnreadableDocumentException expected) {
      // The one exception bad input may cause: it becomes a one-line message, exit status 2.
    }
    return System.nanoTime() - start;
  }
}

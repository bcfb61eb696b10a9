package nianbao.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nianbao.ocr.ScanCorpus;
import nianbao.ocr.TesseractRecogniser;

/**
 * Every committed scan ({@code functions/ocr/src/test/resources/scans}) read by this machine's Tesseract, one page
 * after another on one thread, Tesseract itself on one thread ({@code OMP_THREAD_LIMIT=1}, set by the reader):
 * cells right / wrong / null where printed per scan, and seconds per page — wall clock, and CPU (this process and
 * the Tesseract runs it waited for, from {@code /proc/self/stat}), which is what one core of a function pays
 * whatever else the machine is doing. A program, not a test: the test suite reads four scans
 * ({@code ScanCorpusTest}).
 *
 * <pre>java -cp functions/benchmarks/target/benchmarks.jar nianbao.benchmarks.OcrCorpusBenchmark [scan…]</pre>
 */
public final class OcrCorpusBenchmark {
  private OcrCorpusBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> scans = args.length > 0 ? List.of(args) : ScanCorpus.ALL;
    TesseractRecogniser recogniser = new TesseractRecogniser();
    System.out.println("engine " + recogniser.engine());
    System.out.println(ScanCorpus.HEADER.replace("| s/page |", "| s/page | CPU s/page |")
        .replace("|---|---|---|---|---|---|---|---|", "|---|---|---|---|---|---|---|---|---|"));
    int right = 0;
    int wrong = 0;
    int nulls = 0;
    int pages = 0;
    double cpu = 0;
    for (String scan : scans) {
      double before = cpuSeconds();
      ScanCorpus.Result r = ScanCorpus.read(scan, recogniser);
      double used = cpuSeconds() - before;
      String line = r.line();
      int cut = nthBar(line, 7);
      System.out.println(line.substring(0, cut) + String.format(Locale.ROOT, "| %.1f ", used / r.pages())
          + line.substring(cut));
      right += r.score().right();
      wrong += r.score().wrong().size();
      nulls += r.score().nullWherePrinted().size();
      pages += r.pages();
      cpu += used;
      r.score().wrong().forEach(w -> System.out.println("  wrong: " + w));
    }
    System.out.printf(Locale.ROOT, "all: %d pages, %d right, %d wrong, %d null where printed (%.1f %% right),"
        + " %.1f CPU s/page%n", pages, right, wrong, nulls, 100.0 * right / Math.max(1, right + wrong + nulls),
        cpu / Math.max(1, pages));
  }

  private static int nthBar(String s, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf('|', at + 1);
    }
    return at;
  }

  /** CPU seconds of this process and of the children it waited for (Linux; 0 elsewhere). */
  static double cpuSeconds() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    String s = Files.readString(stat);
    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
    long ticks = 0;
    for (int i = 11; i <= 14; i++) { // utime, stime, cutime, cstime (fields 14–17, counted from state = 3)
      ticks += Long.parseLong(f[i]);
    }
    return ticks / 100.0;
  }
}

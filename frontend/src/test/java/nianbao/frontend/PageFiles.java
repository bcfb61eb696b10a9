package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nianbao.fixtures.SeedReports;

/**
 * The files the page tests upload, made from the seeds in a folder: two seeds, a report that breaks B1, one with
 * markup in its text and its name, a corrected copy, a text that is no report, and two the page refuses itself.
 */
final class PageFiles {
  static final String XSS = "<img src=x onerror=alert(1)>";
  static final String SEED_000 = "000_dc7fa2148f231570.txt";
  /** Prints its zeros run together: 23 reading notes, no problem of the report. */
  static final String SEED_002 = "002_247cf08f496e631f.txt";
  static final String SEED_003 = SeedReports.XINXIANG_2022;
  static final String BROKEN_B1 = "新乡县人民政府2023（B1）.txt";
  static final String HOSTILE = XSS + ".txt";
  static final String CORRECTED = "003_978a9fff42e671ca（更正）.txt";
  static final String NOT_A_REPORT = "不是报告.txt";

  private final Path folder;

  PageFiles(Path folder) {
    this.folder = folder;
  }

  /** Those that are reports, in the order they are uploaded. */
  List<Path> reports() throws IOException {
    return List.of(seed(SEED_000), seed(SEED_003), brokenB1(), hostile(), corrected());
  }

  Path seed(String name) throws IOException {
    return Files.write(folder.resolve(name), SeedReports.bytes(name));
  }

  /** Seed 003 (新乡县人民政府 2022) as its 2023 report, one number of row 一、本年新收 changed: breaks B1. */
  Path brokenB1() throws IOException {
    String seed = SeedReports.text(SEED_003);
    String row = "一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13";
    assertTrue(seed.contains(row), "seed 003 prints row 一 as expected");
    String changed = seed.replace(row, "一、本年新收政府信息公开申请数量\t14\t0\t0\t0\t0\t0\t14")
        .replaceFirst("新乡县人民政府2022年政府信息公开工作年度报告", "新乡县人民政府2023年政府信息公开工作年度报告");
    return Files.writeString(folder.resolve(BROKEN_B1), changed, StandardCharsets.UTF_8);
  }

  /** Seed 003 again with one more sentence in section 六: a second version of the same report. */
  Path corrected() throws IOException {
    String seed = SeedReports.text(SEED_003);
    return Files.writeString(folder.resolve(CORRECTED), seed.stripTrailing() + "\n本报告于次年三月更正了一处文字。\n",
        StandardCharsets.UTF_8);
  }

  /** Seed 000 as its agency's 2021 report, with markup in its text, uploaded under a file name that is markup. */
  Path hostile() throws IOException {
    String text = SeedReports.text(SEED_000)
        .replaceFirst("新乡市卫滨区科技和工业信息化局2022年", "新乡市卫滨区科技和工业信息化局2021年")
        .replaceFirst("一、总体情况\n", "一、总体情况\n\n本局" + XSS + "与<script>alert(2)</script>的说明。\n");
    return Files.writeString(folder.resolve(HOSTILE), text, StandardCharsets.UTF_8);
  }

  Path notAReport() throws IOException {
    return Files.writeString(folder.resolve(NOT_A_REPORT), "这只是一段会议通知，不是政府信息公开工作年度报告。\n请各单位按时参加。\n",
        StandardCharsets.UTF_8);
  }

  Path oversized() throws IOException {
    Path out = folder.resolve("太大的报告.pdf");
    try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
      f.setLength(21L * 1024 * 1024);
    }
    return out;
  }

  Path unsupported() throws IOException {
    return Files.write(folder.resolve("旧格式.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3});
  }
}

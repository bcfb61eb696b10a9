package nianbao.local.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nianbao.store.ReportStore;
import nianbao.store.ReportView;
import nianbao.store.Timestamps;
import nianbao.store.UploadView;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./nianbao upload FILE|DIR...}: puts each file into the reports bucket of the local stack (or of a deployed
 * stack, {@code --stack NAME}) under {@code uploads/}, then waits until ingest has recorded it and prints its
 * status and finding counts, read from the table as the API reads them.
 *
 * <p>Exit status: 0 all ingested without error findings; 1 some report has errors; 2 some upload was rejected
 * (not a readable report); 3 some upload failed or was not ingested in time; 64 usage.
 */
final class UploadCommand {
  private final PrintStream out;
  private final PrintStream err;

  UploadCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args, Path stateDir) {
    String stack = null;
    String prefix = "uploads/";
    Duration timeout = Duration.ofSeconds(120);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--stack" -> stack = i + 1 < args.size() ? args.get(++i) : null;
        case "--data" -> stateDir = Path.of(args.get(++i));
        case "--prefix" -> prefix = i + 1 < args.size() ? args.get(++i) : prefix;
        case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(args.get(++i)));
        default -> paths.add(args.get(i));
      }
    }
    if (paths.isEmpty()) {
      err.println("用法: ./nianbao upload [--stack 名称] [--prefix uploads/] FILE|DIR...");
      return 64;
    }
    StackTarget target;
    List<Path> files;
    try {
      target = StackTarget.resolve(stateDir, stack);
      files = InputFiles.expand(paths);
    } catch (StackTarget.NoTargetException | IOException e) {
      err.println("nianbao upload: " + e.getMessage());
      return 3;
    }
    err.println("上传到 " + target.description() + "，桶 " + target.bucket());
    int worst = 0;
    try (S3Client s3 = target.s3(); DynamoDbClient dynamo = target.dynamo()) {
      ReportStore store = new ReportStore(dynamo, target.table());
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        String key = prefix + file.getFileName();
        String progress = String.format(Locale.ROOT, "[%d/%d] %s", i + 1, files.size(), file);
        worst = Math.max(worst, uploadOne(s3, store, target.bucket(), file, key, progress, timeout));
      }
    }
    return worst;
  }

  private int uploadOne(S3Client s3, ReportStore store, String bucket, Path file, String key, String progress,
      Duration timeout) {
    long size;
    String versionId;
    long started = System.nanoTime();
    String putAt = Timestamps.iso(Instant.now().minusSeconds(1)); // store and machine clocks may differ a little
    try {
      size = Files.size(file);
      status(progress + " 上传中 " + kilobytes(size) + "…");
      versionId = s3.putObject(r -> r.bucket(bucket).key(key).contentType(
          nianbao.local.stack.ContentTypes.ofReport(file)), RequestBody.fromFile(file)).versionId();
    } catch (IOException | RuntimeException e) {
      status("");
      err.println(progress + " 上传失败：" + e.getMessage());
      return 3;
    }
    status(progress + " 已上传，等待入库…");
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastProgress = "";
    while (System.nanoTime() < deadline) {
      Optional<UploadView> upload = store.uploadHistory(bucket, key).stream()
          .filter(u -> isThisUpload(u, versionId, putAt)).findFirst();
      if (upload.isPresent() && upload.get().inProgress()) {
        // a scan being recognised: the wait is counted from its latest progress (seconds per page)
        if (!java.util.Objects.equals(upload.get().reason(), lastProgress)) {
          lastProgress = upload.get().reason();
          status(progress + " " + lastProgress);
          deadline = System.nanoTime() + timeout.toNanos();
        }
      } else if (upload.isPresent() && !upload.get().removed()) {
        status("");
        return report(progress, upload.get(), store, started);
      }
      sleep(100);
    }
    status("");
    err.println(progress + " 超时：" + timeout.toSeconds() + " 秒内未入库（看 serve 的日志，或 ./nianbao redrive）");
    return 3;
  }

  /**
   * The store's record of the object version just put: by its version id (the reports bucket is versioned); in a
   * bucket without versioning every put is version "null", so only a record written since the put is this one.
   */
  static boolean isThisUpload(UploadView upload, String versionId, String putAt) {
    if (versionId != null && !versionId.equals("null")) {
      return versionId.equals(upload.objectVersionId());
    }
    return upload.updatedAt() != null && upload.updatedAt().compareTo(putAt) >= 0;
  }

  private int report(String progress, UploadView upload, ReportStore store, long started) {
    String seconds = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
    if (upload.rejected()) {
      out.println(progress + "  REJECTED  " + upload.reason() + "  (" + seconds + ")");
      return 2;
    }
    Optional<ReportView> view = store.reportView(upload.reportId());
    if (view.isEmpty()) {
      out.println(progress + "  " + upload.state() + "  " + upload.reportId() + "  (" + seconds + ")");
      return 0;
    }
    ReportView h = view.get();
    out.printf("%s  %s  %s %s年  错误 %d  警告 %d  读取说明 %d  %s  (%s)%n", progress, h.status(), h.agency(),
        h.year() == null ? "?" : h.year(), h.errors(), h.warnings(), h.notes(), h.id(), seconds);
    return "HAS_ERRORS".equals(h.status()) ? 1 : h.rejected() ? 2 : 0;
  }

  /** The progress line, rewritten in place on a terminal; nothing when stderr is a file or a pipe. */
  private void status(String line) {
    if (System.console() != null) {
      err.print("\r" + line + "\033[K");
      err.flush();
    }
  }

  private static String kilobytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

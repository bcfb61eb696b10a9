package nianbao.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.core.ReportReader;
import nianbao.core.document.DocumentReaders;
import nianbao.core.model.Report;
import nianbao.core.document.UnreadableDocumentException;

/** Expands the command line's files and folders, and reads each file within the size limit. */
final class InputFiles {
  private InputFiles() {}

  /** Files in argument order; a folder gives its regular files, sorted, recursively; hidden files skipped. */
  static List<Path> expand(List<String> arguments) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String argument : arguments) {
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  /** One file read as a report: the report, or the one-line reason it could not be. */
  record Outcome(Report report, String failure) {}

  /** Reads and validates one file; every way it can fail becomes a one-line reason, never a stack trace. */
  static Outcome report(Path file) {
    try {
      return new Outcome(ReportReader.read(read(file), file.getFileName().toString()), null);
    } catch (UnreadableDocumentException e) {
      return new Outcome(null, e.getMessage());
    } catch (IOException e) {
      return new Outcome(null, "读取失败：" + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, "内部错误，未能读取（" + e.getClass().getSimpleName() + "）");
    }
  }

  /** The files the arguments name, or null after saying on {@code err} why they cannot be listed. */
  static List<Path> expandOrSay(List<String> arguments, String command, java.io.PrintStream err) {
    if (arguments.isEmpty()) {
      err.println("nianbao " + command + ": 请给出文件或文件夹");
      return null;
    }
    try {
      return expand(arguments);
    } catch (IOException e) {
      err.println("nianbao " + command + ": 无法列出文件：" + e.getMessage());
      return null;
    }
  }

  /** The file's bytes; a file over the limit is refused before it is read, so a huge file costs nothing. */
  static byte[] read(Path file) throws IOException, UnreadableDocumentException {
    if (!Files.exists(file)) {
      throw new UnreadableDocumentException("unknown", "文件不存在");
    }
    if (!Files.isReadable(file)) {
      throw new UnreadableDocumentException("unknown", "没有读取权限");
    }
    long size = Files.size(file);
    if (size > DocumentReaders.MAX_BYTES) {
      throw DocumentReaders.tooLarge(size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes((int) DocumentReaders.MAX_BYTES + 1);
    }
  }
}

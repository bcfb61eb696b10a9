package nianbao.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nianbao.core.document.DocumentReaders;
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

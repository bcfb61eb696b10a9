package nianbao.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.core.ReportReader;
import nianbao.core.document.UnreadableDocumentException;

/**
 * Run in a JVM whose classes come from the deployment package only: reads each file given, one line each —
 * {@code READ name}, {@code UNREADABLE name: reason}, or {@code FAILED name: exception}.
 */
public final class PackagedReads {
  private PackagedReads() {}

  public static void main(String[] files) throws Exception {
    for (String file : files) {
      Path path = Path.of(file);
      String name = path.getFileName().toString();
      try {
        ReportReader.read(Files.readAllBytes(path), name);
        System.out.println("READ " + name);
      } catch (UnreadableDocumentException e) {
        System.out.println("UNREADABLE " + name + ": " + e.getMessage());
      } catch (RuntimeException | LinkageError e) {
        System.out.println("FAILED " + name + ": " + e);
      }
    }
  }
}

package nianbao.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip for report bodies and large finding lists: Chinese JSON text compresses three- to five-fold. */
public final class Bodies {
  private Bodies() {}

  public static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 2));
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static String gunzip(byte[] bytes) {
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
      return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("stored body is not valid gzip", e);
    }
  }
}

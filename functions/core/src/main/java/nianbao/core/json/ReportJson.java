package nianbao.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;

/**
 * docs/FORMAT.md's JSON of a report (and of a list of findings), both ways, with Jackson's streaming API: the same
 * text {@link ReportMapper#MAPPER} writes, without the cost of building an ObjectMapper during a cold start.
 * Reading is lenient as that mapper's was (see {@link ReportJsonReader}); malformed JSON is an
 * {@link UncheckedIOException}, JSON of another shape an {@link IllegalArgumentException}.
 */
public final class ReportJson {
  private ReportJson() {}

  public static String write(Report report) {
    return write(false, g -> new ReportJsonWriter(g).report(report));
  }

  public static String writePretty(Report report) {
    return write(true, g -> new ReportJsonWriter(g).report(report));
  }

  /** Reads docs/FORMAT.md's JSON; table A is read by the shape its {@code template} names. */
  public static Report read(String json) {
    return ReportJsonReader.report(JsonTree.read(json));
  }

  public static String writeFindings(List<Finding> findings) {
    return write(false, g -> new ReportJsonWriter(g).findings(findings));
  }

  /** A JSON array of findings (null for JSON null). */
  public static List<Finding> readFindings(String json) {
    return ReportJsonReader.findings(JsonTree.read(json));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(boolean pretty, Body body) {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

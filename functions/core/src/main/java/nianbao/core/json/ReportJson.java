package nianbao.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;

/** FORMAT.md's JSON, both ways. One shared, thread-safe mapper. */
public final class ReportJson {
  public static final ObjectMapper MAPPER = createMapper();

  private ReportJson() {}

  private static ObjectMapper createMapper() {
    SimpleModule module = new SimpleModule("nianbao");
    module.addDeserializer(Severity.class, new JsonDeserializer<>() {
      @Override
      public Severity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Severity.fromJson(p.getValueAsString());
      }
    });
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(module)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }

  public static String write(Report report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String writePretty(Report report) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads FORMAT.md's JSON; table A is read by the shape its {@code template} names. */
  public static Report read(String json) {
    try {
      ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
      JsonNode proactiveNode = tree.remove("proactive");
      Report report = MAPPER.treeToValue(tree, Report.class);
      Proactive proactive = null;
      if (proactiveNode != null && !proactiveNode.isNull()) {
        Class<? extends Proactive> type = Report.TEMPLATE_2019.equals(report.template())
            ? Proactive2019.class : Proactive2021.class;
        proactive = MAPPER.treeToValue(proactiveNode, type);
      }
      return new Report(report.schemaVersion(), report.source(), report.title(), report.agency(), report.year(),
          report.template(), report.region(), report.sections(), proactive, report.applications(),
          report.reviewAndLitigation(), report.findings() == null ? java.util.List.of() : report.findings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

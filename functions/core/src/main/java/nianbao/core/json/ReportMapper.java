package nianbao.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import nianbao.core.model.Severity;

/**
 * An ObjectMapper that writes the model as docs/FORMAT.md says (its annotations) and reads it back, for code that
 * builds JSON trees around reports (the API's answers) and for tests. Reports alone go through
 * {@link ReportJson}, which needs no ObjectMapper: building this one is a large part of a cold start.
 */
public final class ReportMapper {
  public static final ObjectMapper MAPPER = create();

  private ReportMapper() {}

  private static ObjectMapper create() {
    SimpleModule module = new SimpleModule("nianbao");
    module.addDeserializer(Severity.class, new JsonDeserializer<>() {
      @Override
      public Severity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return Severity.fromJson(p.getValueAsString());
      }
    });
    return new ObjectMapper().registerModule(module)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}

package nianbao.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.json.JsonTree;

/**
 * The upload function's answer to an S3 event: {@code {"records":[{"bucket","key","result","reportId","detail"}]}},
 * one entry per record, {@code result} {@code IGNORED} for a record that was not a report's upload or removal,
 * {@code HANDED_TO_OCR} for a scan the OCR function reads, {@code BATCH} for a ZIP whose documents became uploads.
 */
public final class IngestAnswer {
  private IngestAnswer() {}

  public static void write(OutputStream output, List<Ingest.RecordOutcome> outcomes) throws IOException {
    try (JsonGenerator g = JsonTree.FACTORY.createGenerator(output)) {
      JsonTree.write(g, Map.of("records", records(outcomes)));
    }
  }

  private static List<Map<String, Object>> records(List<Ingest.RecordOutcome> outcomes) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Ingest.RecordOutcome o : outcomes) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("bucket", o.record().bucket());
      r.put("key", o.record().key());
      r.put("result", o.handling() != null ? o.handling() : o.result() == null ? "IGNORED" : o.result().name());
      r.put("reportId", o.reportId());
      r.put("detail", o.detail());
      records.add(r);
    }
    return records;
  }
}

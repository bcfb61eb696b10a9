package nianbao.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Evidence;
import nianbao.core.model.Finding;
import nianbao.core.model.Review;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Sections;
import nianbao.core.model.Source;

/**
 * Writes a report field by field, in the order and with the null handling the model's Jackson annotations give
 * (every field written, null as null; a location's null parts left out), so that its output is exactly
 * {@link ReportMapper#MAPPER}'s — ReportJsonTest holds them to that.
 */
final class ReportJsonWriter {
  private final JsonGenerator g;

  ReportJsonWriter(JsonGenerator g) {
    this.g = g;
  }

  /** Writes the members of one object. */
  private interface Members<T> {
    void write(T value) throws IOException;
  }

  void report(Report r) throws IOException {
    object(r, x -> {
      g.writeNumberField("schemaVersion", x.schemaVersion());
      object("source", x.source(), this::source);
      g.writeStringField("title", x.title());
      g.writeStringField("agency", x.agency());
      number("year", x.year() == null ? null : x.year().longValue());
      g.writeStringField("template", x.template());
      object("region", x.region(), this::region);
      object("sections", x.sections(), this::sections);
      g.writeFieldName("proactive");
      if (x.proactive() instanceof Proactive2019 a) {
        object(a, this::proactive2019);
      } else {
        object((Proactive2021) x.proactive(), this::proactive2021);
      }
      object("applications", x.applications(), this::applications);
      object("reviewAndLitigation", x.reviewAndLitigation(), this::review);
      g.writeFieldName("findings");
      findings(x.findings());
      if (x.evidence() != null && !x.evidence().isEmpty()) {
        object("evidence", x.evidence(), cells -> {
          for (Map.Entry<String, Evidence> cell : cells.entrySet()) {
            object(cell.getKey(), cell.getValue(), this::evidence);
          }
        });
      }
      if (x.dated() != null) {
        object("dated", x.dated(), d -> {
          g.writeStringField("date", d.date());
          g.writeStringField("kind", d.kind());
          g.writeStringField("printed", d.printed());
        });
      }
    });
  }

  /** Evidence leaves its null members out ({@code @JsonInclude(NON_NULL)}). */
  private void evidence(Evidence e) throws IOException {
    if (e.kind() != null) {
      g.writeStringField("kind", e.kind());
    }
    optionalNumber("page", e.page());
    doubles("pageSize", e.pageSize());
    doubles("box", e.box());
    optionalNumber("table", e.table());
    optionalNumber("row", e.row());
    optionalNumber("column", e.column());
    optionalNumber("offset", e.offset());
    optionalNumber("length", e.length());
    if (e.excerpt() != null) {
      g.writeStringField("excerpt", e.excerpt());
    }
    if (e.highlight() != null) {
      g.writeFieldName("highlight");
      g.writeStartArray();
      for (Integer i : e.highlight()) {
        g.writeNumber(i);
      }
      g.writeEndArray();
    }
    if (e.inferred() != null) {
      g.writeBooleanField("inferred", e.inferred());
    }
    if (e.confidence() != null) {
      g.writeNumberField("confidence", e.confidence());
    }
  }

  private void optionalNumber(String name, Integer value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value);
    }
  }

  private void doubles(String name, List<Double> values) throws IOException {
    if (values != null) {
      g.writeFieldName(name);
      g.writeStartArray();
      for (Double d : values) {
        g.writeNumber(d);
      }
      g.writeEndArray();
    }
  }

  void findings(List<Finding> findings) throws IOException {
    if (findings == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (Finding f : findings) {
      object(f, this::finding);
    }
    g.writeEndArray();
  }

  private void finding(Finding f) throws IOException {
    g.writeStringField("rule", f.rule());
    g.writeStringField("severity", f.severity() == null ? null : f.severity().json());
    object("location", f.location(), this::location);
    g.writeStringField("message", f.message());
    g.writeStringField("expected", f.expected());
    g.writeStringField("actual", f.actual());
    // the identity and review of a stored report's finding, absent on a report read on its own
    if (f.fingerprint() != null) {
      g.writeStringField("fingerprint", f.fingerprint());
    }
    if (f.valuesHash() != null) {
      g.writeStringField("valuesHash", f.valuesHash());
    }
    if (f.review() != null) {
      object("review", f.review(), this::review);
    }
  }

  private void review(Review r) throws IOException {
    g.writeStringField("state", r.state());
    for (String[] field : new String[][] {{"reason", r.reason()}, {"by", r.by()}, {"at", r.at()},
        {"previous", r.previous()}, {"returned", r.returned()}}) {
      if (field[1] != null) {
        g.writeStringField(field[0], field[1]);
      }
    }
  }

  /** A location leaves its null parts out ({@code @JsonInclude(NON_NULL)}). */
  private void location(Location l) throws IOException {
    if (l.section() != null) {
      g.writeStringField("section", l.section());
    }
    if (l.row() != null) {
      g.writeStringField("row", l.row());
    }
    if (l.column() != null) {
      g.writeStringField("column", l.column());
    }
  }

  private void source(Source s) throws IOException {
    g.writeStringField("name", s.name());
    g.writeStringField("sha256", s.sha256());
    g.writeStringField("format", s.format());
    g.writeStringField("encoding", s.encoding());
    g.writeStringField("reader", s.reader());
  }

  private void region(Region r) throws IOException {
    g.writeStringField("code", r.code());
    g.writeStringField("province", r.province());
    g.writeStringField("city", r.city());
    g.writeStringField("county", r.county());
  }

  private void sections(Sections s) throws IOException {
    g.writeStringField("overview", s.overview());
    g.writeStringField("problems", s.problems());
    g.writeStringField("other", s.other());
  }

  private void proactive2021(Proactive2021 a) throws IOException {
    object("regulations", a.regulations(), this::counts);
    object("normativeDocuments", a.normativeDocuments(), this::counts);
    number("licensing", a.licensing());
    number("punishment", a.punishment());
    number("enforcement", a.enforcement());
    g.writeStringField("fees", a.fees());
  }

  private void counts(Proactive2021.DocumentCounts c) throws IOException {
    number("issued", c.issued());
    number("repealed", c.repealed());
    number("inForce", c.inForce());
  }

  private void proactive2019(Proactive2019 a) throws IOException {
    object("regulations", a.regulations(), this::publications);
    object("normativeDocuments", a.normativeDocuments(), this::publications);
    object("licensing", a.licensing(), this::items);
    object("otherServices", a.otherServices(), this::items);
    object("punishment", a.punishment(), this::items);
    object("enforcement", a.enforcement(), this::items);
    object("fees", a.fees(), f -> {
      number("itemsLastYear", f.itemsLastYear());
      number("itemsChange", f.itemsChange());
    });
    object("procurement", a.procurement(), p -> {
      number("items", p.items());
      g.writeStringField("amount", p.amount());
    });
  }

  private void publications(Proactive2019.Publications p) throws IOException {
    number("newlyMade", p.newlyMade());
    number("newlyPublished", p.newlyPublished());
    number("publishedTotal", p.publishedTotal());
  }

  private void items(Proactive2019.Items i) throws IOException {
    number("itemsLastYear", i.itemsLastYear());
    number("itemsChange", i.itemsChange());
    number("decisions", i.decisions());
  }

  private void applications(Applications a) throws IOException {
    g.writeFieldName("columns");
    if (a.columns() == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (String c : a.columns()) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
    object("rows", a.rows(), rows -> {
      for (Map.Entry<String, List<Long>> row : rows.entrySet()) {
        g.writeFieldName(row.getKey());
        cells(row.getValue());
      }
    });
  }

  private void review(ReviewAndLitigation r) throws IOException {
    object("adminReview", r.adminReview(), this::group);
    object("litigationDirect", r.litigationDirect(), this::group);
    object("litigationAfterReview", r.litigationAfterReview(), this::group);
  }

  private void group(ReviewAndLitigation.Group group) throws IOException {
    number("upheld", group.upheld());
    number("corrected", group.corrected());
    number("other", group.other());
    number("pending", group.pending());
    number("total", group.total());
  }

  private void cells(List<Long> cells) throws IOException {
    if (cells == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (Long c : cells) {
      if (c == null) {
        g.writeNull();
      } else {
        g.writeNumber(c);
      }
    }
    g.writeEndArray();
  }

  /** Member {@code name}: null, or an object whose members {@code members} writes. */
  private <T> void object(String name, T value, Members<T> members) throws IOException {
    g.writeFieldName(name);
    object(value, members);
  }

  private <T> void object(T value, Members<T> members) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    members.write(value);
    g.writeEndObject();
  }

  private void number(String name, Long value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }
}

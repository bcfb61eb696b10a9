package nianbao.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive;
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

  void report(Report r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schemaVersion", r.schemaVersion());
    g.writeFieldName("source");
    source(r.source());
    g.writeStringField("title", r.title());
    g.writeStringField("agency", r.agency());
    number("year", r.year() == null ? null : r.year().longValue());
    g.writeStringField("template", r.template());
    g.writeFieldName("region");
    region(r.region());
    g.writeFieldName("sections");
    sections(r.sections());
    g.writeFieldName("proactive");
    proactive(r.proactive());
    g.writeFieldName("applications");
    applications(r.applications());
    g.writeFieldName("reviewAndLitigation");
    review(r.reviewAndLitigation());
    g.writeFieldName("findings");
    findings(r.findings());
    g.writeEndObject();
  }

  void findings(List<Finding> findings) throws IOException {
    if (findings == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (Finding f : findings) {
      finding(f);
    }
    g.writeEndArray();
  }

  private void finding(Finding f) throws IOException {
    if (f == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("rule", f.rule());
    g.writeStringField("severity", f.severity() == null ? null : f.severity().json());
    g.writeFieldName("location");
    location(f.location());
    g.writeStringField("message", f.message());
    g.writeStringField("expected", f.expected());
    g.writeStringField("actual", f.actual());
    g.writeEndObject();
  }

  private void location(Location l) throws IOException {
    if (l == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    if (l.section() != null) {
      g.writeStringField("section", l.section());
    }
    if (l.row() != null) {
      g.writeStringField("row", l.row());
    }
    if (l.column() != null) {
      g.writeStringField("column", l.column());
    }
    g.writeEndObject();
  }

  private void source(Source s) throws IOException {
    if (s == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeStringField("sha256", s.sha256());
    g.writeStringField("format", s.format());
    g.writeStringField("encoding", s.encoding());
    g.writeStringField("reader", s.reader());
    g.writeEndObject();
  }

  private void region(Region r) throws IOException {
    if (r == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("code", r.code());
    g.writeStringField("province", r.province());
    g.writeStringField("city", r.city());
    g.writeStringField("county", r.county());
    g.writeEndObject();
  }

  private void sections(Sections s) throws IOException {
    if (s == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("overview", s.overview());
    g.writeStringField("problems", s.problems());
    g.writeStringField("other", s.other());
    g.writeEndObject();
  }

  private void proactive(Proactive p) throws IOException {
    if (p == null) {
      g.writeNull();
    } else if (p instanceof Proactive2021 a) {
      g.writeStartObject();
      g.writeFieldName("regulations");
      counts(a.regulations());
      g.writeFieldName("normativeDocuments");
      counts(a.normativeDocuments());
      number("licensing", a.licensing());
      number("punishment", a.punishment());
      number("enforcement", a.enforcement());
      g.writeStringField("fees", a.fees());
      g.writeEndObject();
    } else if (p instanceof Proactive2019 a) {
      g.writeStartObject();
      g.writeFieldName("regulations");
      publications(a.regulations());
      g.writeFieldName("normativeDocuments");
      publications(a.normativeDocuments());
      items("licensing", a.licensing());
      items("otherServices", a.otherServices());
      items("punishment", a.punishment());
      items("enforcement", a.enforcement());
      g.writeFieldName("fees");
      if (a.fees() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        number("itemsLastYear", a.fees().itemsLastYear());
        number("itemsChange", a.fees().itemsChange());
        g.writeEndObject();
      }
      g.writeFieldName("procurement");
      if (a.procurement() == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        number("items", a.procurement().items());
        g.writeStringField("amount", a.procurement().amount());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
  }

  private void counts(Proactive2021.DocumentCounts c) throws IOException {
    if (c == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    number("issued", c.issued());
    number("repealed", c.repealed());
    number("inForce", c.inForce());
    g.writeEndObject();
  }

  private void publications(Proactive2019.Publications p) throws IOException {
    if (p == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    number("newlyMade", p.newlyMade());
    number("newlyPublished", p.newlyPublished());
    number("publishedTotal", p.publishedTotal());
    g.writeEndObject();
  }

  private void items(String name, Proactive2019.Items i) throws IOException {
    g.writeFieldName(name);
    if (i == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    number("itemsLastYear", i.itemsLastYear());
    number("itemsChange", i.itemsChange());
    number("decisions", i.decisions());
    g.writeEndObject();
  }

  private void applications(Applications a) throws IOException {
    if (a == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
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
    g.writeFieldName("rows");
    if (a.rows() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, List<Long>> row : a.rows().entrySet()) {
        g.writeFieldName(row.getKey());
        cells(row.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void review(ReviewAndLitigation r) throws IOException {
    if (r == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    group("adminReview", r.adminReview());
    group("litigationDirect", r.litigationDirect());
    group("litigationAfterReview", r.litigationAfterReview());
    g.writeEndObject();
  }

  private void group(String name, ReviewAndLitigation.Group group) throws IOException {
    g.writeFieldName(name);
    if (group == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    number("upheld", group.upheld());
    number("corrected", group.corrected());
    number("other", group.other());
    number("pending", group.pending());
    number("total", group.total());
    g.writeEndObject();
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

  private void number(String name, Long value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }
}

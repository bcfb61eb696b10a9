package nianbao.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.core.model.Applications;
import nianbao.core.model.Evidence;
import nianbao.core.model.Finding;
import nianbao.core.model.Review;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive;
import nianbao.core.model.Proactive2019;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Region;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Sections;
import nianbao.core.model.Severity;
import nianbao.core.model.Source;

/**
 * Builds a report from its JSON read as a {@link JsonTree}, leniently as the ObjectMapper did: members in any
 * order, unknown members ignored, missing ones null, whole numbers also from numeric strings, text also from
 * numbers; table A read by the shape the report's {@code template} names. Anything else is an
 * {@link IllegalArgumentException} naming the member.
 */
final class ReportJsonReader {
  private ReportJsonReader() {}

  static Report report(Object json) {
    Map<String, Object> r = object(json, "report");
    if (r == null) {
      throw new IllegalArgumentException("a report must be a JSON object");
    }
    String template = text(r, "template");
    Map<String, Object> proactive = object(r.get("proactive"), "proactive");
    List<Finding> findings = findings(r.get("findings"));
    return new Report(integer(r, "schemaVersion", 0), source(object(r.get("source"), "source")), text(r, "title"),
        text(r, "agency"), integer(r, "year", null), template, region(object(r.get("region"), "region")),
        sections(object(r.get("sections"), "sections")), proactive == null ? null
        : Report.TEMPLATE_2019.equals(template) ? proactive2019(proactive) : proactive2021(proactive),
        applications(object(r.get("applications"), "applications")),
        review(object(r.get("reviewAndLitigation"), "reviewAndLitigation")), findings == null ? List.of() : findings,
        evidence(object(r.get("evidence"), "evidence")), dated(object(r.get("dated"), "dated")));
  }

  private static nianbao.core.model.PrintedDate dated(Map<String, Object> d) {
    return d == null ? null : new nianbao.core.model.PrintedDate(text(d, "date"), text(d, "kind"), text(d, "printed"));
  }

  private static Map<String, Evidence> evidence(Map<String, Object> cells) {
    if (cells == null) {
      return Map.of();
    }
    Map<String, Evidence> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> cell : cells.entrySet()) {
      Map<String, Object> e = object(cell.getValue(), "evidence");
      if (e != null) {
        out.put(cell.getKey(), new Evidence(text(e, "kind"), integer(e, "page", null), doubles(e, "pageSize"),
            doubles(e, "box"), integer(e, "table", null), integer(e, "row", null), integer(e, "column", null),
            integer(e, "offset", null), integer(e, "length", null), text(e, "excerpt"), integers(e, "highlight"),
            e.get("inferred") instanceof Boolean b ? b : null, decimal(e.get("confidence"), "confidence")));
      }
    }
    return out;
  }

  private static List<Double> doubles(Map<String, Object> parent, String name) {
    if (!(parent.get(name) instanceof List<?> list)) {
      return null;
    }
    List<Double> out = new ArrayList<>(list.size());
    for (Object o : list) {
      out.add(decimal(o, name));
    }
    return out;
  }

  private static List<Integer> integers(Map<String, Object> parent, String name) {
    if (!(parent.get(name) instanceof List<?> list)) {
      return null;
    }
    List<Integer> out = new ArrayList<>(list.size());
    for (Object o : list) {
      Long v = whole(o, name);
      out.add(v == null ? null : v.intValue());
    }
    return out;
  }

  private static Double decimal(Object v, String where) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(where + " must be a number: " + v);
  }

  static List<Finding> findings(Object json) {
    if (json == null) {
      return null;
    }
    if (!(json instanceof List<?> list)) {
      throw new IllegalArgumentException("findings must be an array");
    }
    List<Finding> findings = new ArrayList<>(list.size());
    for (Object o : list) {
      Map<String, Object> f = object(o, "finding");
      if (f == null) {
        findings.add(null);
        continue;
      }
      String severity = text(f, "severity");
      Map<String, Object> l = object(f.get("location"), "location");
      findings.add(new Finding(text(f, "rule"), severity == null ? null : Severity.fromJson(severity),
          l == null ? null : new Location(text(l, "section"), text(l, "row"), text(l, "column")),
          text(f, "message"), text(f, "expected"), text(f, "actual"), text(f, "fingerprint"), text(f, "valuesHash"),
          findingReview(object(f.get("review"), "review"))));
    }
    return findings;
  }

  private static Review findingReview(Map<String, Object> r) {
    return r == null ? null : new Review(text(r, "state"), text(r, "reason"), text(r, "by"), text(r, "at"),
        text(r, "previous"), text(r, "returned"));
  }

  private static Source source(Map<String, Object> s) {
    return s == null ? null : new Source(text(s, "name"), text(s, "sha256"), text(s, "format"), text(s, "encoding"),
        text(s, "reader"));
  }

  private static Region region(Map<String, Object> r) {
    return r == null ? null : new Region(text(r, "code"), text(r, "province"), text(r, "city"), text(r, "county"));
  }

  private static Sections sections(Map<String, Object> s) {
    return s == null ? null : new Sections(text(s, "overview"), text(s, "problems"), text(s, "other"));
  }

  private static Proactive2021 proactive2021(Map<String, Object> a) {
    return new Proactive2021(counts(object(a.get("regulations"), "regulations")),
        counts(object(a.get("normativeDocuments"), "normativeDocuments")), whole(a, "licensing"),
        whole(a, "punishment"), whole(a, "enforcement"), text(a, "fees"));
  }

  private static Proactive2021.DocumentCounts counts(Map<String, Object> c) {
    return c == null ? null : new Proactive2021.DocumentCounts(whole(c, "issued"), whole(c, "repealed"),
        whole(c, "inForce"));
  }

  private static Proactive2019 proactive2019(Map<String, Object> a) {
    Map<String, Object> fees = object(a.get("fees"), "fees");
    Map<String, Object> procurement = object(a.get("procurement"), "procurement");
    return new Proactive2019(publications(object(a.get("regulations"), "regulations")),
        publications(object(a.get("normativeDocuments"), "normativeDocuments")), items(a, "licensing"),
        items(a, "otherServices"), items(a, "punishment"), items(a, "enforcement"),
        fees == null ? null : new Proactive2019.FeeItems(whole(fees, "itemsLastYear"), whole(fees, "itemsChange")),
        procurement == null ? null : new Proactive2019.Procurement(whole(procurement, "items"),
            text(procurement, "amount")));
  }

  private static Proactive2019.Publications publications(Map<String, Object> p) {
    return p == null ? null : new Proactive2019.Publications(whole(p, "newlyMade"), whole(p, "newlyPublished"),
        whole(p, "publishedTotal"));
  }

  private static Proactive2019.Items items(Map<String, Object> parent, String name) {
    Map<String, Object> i = object(parent.get(name), name);
    return i == null ? null : new Proactive2019.Items(whole(i, "itemsLastYear"), whole(i, "itemsChange"),
        whole(i, "decisions"));
  }

  private static Applications applications(Map<String, Object> a) {
    if (a == null) {
      return null;
    }
    List<String> columns = null;
    if (a.get("columns") instanceof List<?> list) {
      columns = new ArrayList<>(list.size());
      for (Object c : list) {
        columns.add(scalarText(c, "columns"));
      }
    } else if (a.get("columns") != null) {
      throw new IllegalArgumentException("applications.columns must be an array");
    }
    Map<String, List<Long>> rows = null;
    Map<String, Object> rowsJson = object(a.get("rows"), "applications.rows");
    if (rowsJson != null) {
      rows = new LinkedHashMap<>();
      for (Map.Entry<String, Object> row : rowsJson.entrySet()) {
        rows.put(row.getKey(), cells(row.getValue(), "applications.rows." + row.getKey()));
      }
    }
    return new Applications(columns, rows);
  }

  private static ReviewAndLitigation review(Map<String, Object> r) {
    return r == null ? null : new ReviewAndLitigation(group(r, "adminReview"), group(r, "litigationDirect"),
        group(r, "litigationAfterReview"));
  }

  private static ReviewAndLitigation.Group group(Map<String, Object> parent, String name) {
    Map<String, Object> g = object(parent.get(name), name);
    return g == null ? null : new ReviewAndLitigation.Group(whole(g, "upheld"), whole(g, "corrected"),
        whole(g, "other"), whole(g, "pending"), whole(g, "total"));
  }

  private static List<Long> cells(Object json, String where) {
    if (json == null) {
      return null;
    }
    if (!(json instanceof List<?> list)) {
      throw new IllegalArgumentException(where + " must be an array");
    }
    List<Long> cells = new ArrayList<>(list.size());
    for (Object c : list) {
      cells.add(whole(c, where));
    }
    return cells;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json, String where) {
    if (json == null || json instanceof Map) {
      return (Map<String, Object>) json;
    }
    throw new IllegalArgumentException(where + " must be an object");
  }

  private static String text(Map<String, Object> parent, String name) {
    return scalarText(parent.get(name), name);
  }

  private static String scalarText(Object v, String where) {
    if (v instanceof Map || v instanceof List) {
      throw new IllegalArgumentException(where + " must be text");
    }
    return JsonTree.text(v);
  }

  private static Integer integer(Map<String, Object> parent, String name, Integer missing) {
    Long v = whole(parent.get(name), name);
    if (v == null) {
      return missing;
    }
    if (v != v.intValue()) {
      throw new IllegalArgumentException(name + " is out of range: " + v);
    }
    return v.intValue();
  }

  private static Long whole(Map<String, Object> parent, String name) {
    return whole(parent.get(name), name);
  }

  private static Long whole(Object v, String where) {
    try {
      if (v == null || v instanceof Long) {
        return (Long) v;
      }
      if (v instanceof BigInteger i) {
        return i.longValueExact();
      }
      if (v instanceof BigDecimal d) {
        return d.longValueExact();
      }
      if (v instanceof String s) {
        return s.isBlank() ? null : Long.parseLong(s.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(where + " must be a whole number: " + v, e);
    }
    throw new IllegalArgumentException(where + " must be a whole number: " + v);
  }
}

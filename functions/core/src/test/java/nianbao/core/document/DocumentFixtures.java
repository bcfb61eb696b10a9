package nianbao.core.document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents made by tools/fixtures/make-documents.sh (each seed as DOCX, HTML and PDF), the grids their layout
 * defines, and what a read document holds (its tables, its paragraphs), for the readers' tests.
 */
final class DocumentFixtures {
  static final List<String> SEEDS = List.of("000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f",
      "003_978a9fff42e671ca", "004_966a26715276eb9e");
  static final List<String> REPORTS = List.of("000_dc7fa2148f231570", "001_6b6d80a219e047ef", "002_247cf08f496e631f",
      "003_978a9fff42e671ca", "004_966a26715276eb9e", "pingtan-2022");

  private DocumentFixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = DocumentFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] document(String name) {
    return bytes("/documents/" + name);
  }

  /** The tables of a fixture's layout, as RenderReports wrote them beside the document. */
  static List<List<List<String>>> expectedTables(String base) {
    try {
      return new ObjectMapper().readValue(document(base + ".tables.json"), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<List<List<String>>> tables(Document document) {
    List<List<List<String>>> out = new ArrayList<>();
    for (Block b : document.blocks()) {
      if (b instanceof Table t) {
        out.add(t.rows());
      }
    }
    return out;
  }

  static List<String> paragraphs(Document document) {
    List<String> out = new ArrayList<>();
    for (Block b : document.blocks()) {
      if (b instanceof Paragraph p) {
        out.add(p.text());
      }
    }
    return out;
  }

  /** Cells with all spaces removed: a PDF has no reliable spaces (a space at a line wrap is not drawn). */
  static List<List<List<String>>> withoutSpaces(List<List<List<String>>> tables) {
    List<List<List<String>>> out = new ArrayList<>();
    for (List<List<String>> t : tables) {
      List<List<String>> rows = new ArrayList<>();
      for (List<String> r : t) {
        rows.add(r.stream().map(s -> s.replace(" ", "")).toList());
      }
      out.add(rows);
    }
    return out;
  }
}

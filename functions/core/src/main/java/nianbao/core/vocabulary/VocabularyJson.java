package nianbao.core.vocabulary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.core.vocabulary.Vocabulary.Term;

/**
 * The {@link Vocabulary} as the JSON the page imports ({@code frontend/src/generated/vocabulary.json}). The page's
 * build runs {@link #main} before it bundles, so the page shows core's words and no others.
 */
public final class VocabularyJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VocabularyJson() {}

  public static String render() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("//", "Generated from nianbao.core.vocabulary.Vocabulary by VocabularyJson: edit that class, not this file.");
    root.set("sections", MAPPER.valueToTree(Vocabulary.SECTIONS));
    ArrayNode text = root.putArray("textSections");
    for (Term t : Vocabulary.TEXT_SECTIONS) {
      text.addObject().put("key", t.key()).put("section", t.label());
    }
    ObjectNode a = root.putObject("tableA");
    a.set("rows", MAPPER.valueToTree(Vocabulary.A_ROWS));
    a.set("rows2019", MAPPER.valueToTree(Vocabulary.A2019_ROWS));
    a.set("cells", MAPPER.valueToTree(Vocabulary.A_CELLS));
    a.set("headings", MAPPER.valueToTree(Vocabulary.A_HEADINGS));
    ObjectNode b = root.putObject("tableB");
    b.set("columns", MAPPER.valueToTree(Vocabulary.B_COLUMNS));
    b.set("rows", MAPPER.valueToTree(Vocabulary.B_ROWS));
    b.set("outcomes", MAPPER.valueToTree(Vocabulary.OUTCOMES));
    b.set("headings", MAPPER.valueToTree(Vocabulary.B_HEADINGS));
    ObjectNode c = root.putObject("tableC");
    c.set("groups", MAPPER.valueToTree(Vocabulary.C_GROUPS));
    c.set("cells", MAPPER.valueToTree(Vocabulary.C_CELLS));
    root.set("rules", MAPPER.valueToTree(Vocabulary.RULES));
    root.set("statuses", MAPPER.valueToTree(Vocabulary.STATUSES));
    root.set("reviewStates", MAPPER.valueToTree(Vocabulary.REVIEW_STATES));
    root.set("severities", MAPPER.valueToTree(Vocabulary.SEVERITIES));
    root.set("uploadTypes", MAPPER.valueToTree(Vocabulary.UPLOAD_TYPES));
    try {
      return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes the JSON to the file {@code args[0]}, only when it differs from what is there: an unchanged file keeps
   * its time, so a build that compares times does not rebuild the page for nothing.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: VocabularyJson OUTPUT.json");
      System.exit(2);
    }
    writeIfChanged(Path.of(args[0]));
  }

  /** Returns whether the file was written. */
  public static boolean writeIfChanged(Path out) throws IOException {
    String json = render();
    if (Files.exists(out) && Files.readString(out, StandardCharsets.UTF_8).equals(json)) {
      return false;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json, StandardCharsets.UTF_8);
    return true;
  }
}

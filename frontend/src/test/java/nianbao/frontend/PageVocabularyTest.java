package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nianbao.core.vocabulary.Vocabulary;
import nianbao.core.vocabulary.VocabularyJson;
import org.junit.jupiter.api.Test;

/**
 * The page's vocabulary is core's: the file it imports is core's {@link Vocabulary} as written now, and no source of
 * the page spells a word of the vocabulary itself (a label typed into the page would drift from core's again).
 */
class PageVocabularyTest {
  private static final Path FRONTEND = Path.of(System.getProperty("nianbao.frontend", "."));
  private static final Pattern STRING = Pattern.compile("'((?:[^'\\\\\\n]|\\\\.)*)'|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void thePageImportsCoresVocabulary() throws IOException {
    Path generated = FRONTEND.resolve("src/generated/vocabulary.json");
    assertEquals(VocabularyJson.render(), Files.readString(generated, StandardCharsets.UTF_8),
        generated + " is not core's vocabulary: the page's build writes it (VocabularyJson); commit the new one");
  }

  @Test
  void noPageSourceSpellsAWordOfTheVocabulary() throws IOException {
    Set<String> words = words();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(FRONTEND.resolve("src"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".ts")).toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        Matcher m = STRING.matcher(source);
        while (m.find()) {
          String literal = m.group(1) != null ? m.group(1) : m.group(2);
          if (words.contains(literal)) {
            found.add(FRONTEND.relativize(file) + ": " + literal);
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "words of core's Vocabulary spelt in the page (use labels.ts): " + found);
  }

  /** Every label of the vocabulary: what the page must take from the generated file. */
  private static Set<String> words() {
    Set<String> words = new HashSet<>();
    Stream.of(Vocabulary.B_COLUMNS, Vocabulary.C_CELLS, Vocabulary.A_CELLS, Vocabulary.OUTCOMES,
        Vocabulary.STATUSES, Vocabulary.SEVERITIES, Vocabulary.REVIEW_STATES).flatMap(List::stream)
        .forEach(t -> words.add(t.label()));
    Vocabulary.SECTIONS.stream().filter(t -> !t.key().equals(t.label())).forEach(t -> words.add(t.label()));
    Stream.of(Vocabulary.A_ROWS, Vocabulary.A2019_ROWS, Vocabulary.B_ROWS, Vocabulary.C_GROUPS).flatMap(List::stream)
        .forEach(r -> {
          words.add(r.printed());
          words.add(r.name());
          if (r.group() != null) {
            words.add(r.group());
          }
        });
    words.addAll(Vocabulary.A_HEADINGS.values());
    words.addAll(Vocabulary.B_HEADINGS.values());
    Vocabulary.RULES.forEach(r -> words.add(r.label()));
    return words;
  }
}

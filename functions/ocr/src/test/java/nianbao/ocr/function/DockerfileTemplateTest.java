package nianbao.ocr.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nianbao.servers.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker on these machines: the OCR function's image is built where it exists ({@code sam build}). So
 * this holds the Dockerfile to the template and the build — the handler command, the two Tesseract packages, the jar
 * the build produces and the Runtime Interface Client's entry point — and that the classes it names exist.
 */
class DockerfileTemplateTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("nianbao.template"));
  private static final Path ROOT = TEMPLATE.getParent();
  private static final String RIC = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private final SamTemplate template = SamTemplate.read(TEMPLATE, Map.of(), "nianbao", "us-east-1");

  @SuppressWarnings("unchecked")
  private Map<String, Object> metadata() {
    return (Map<String, Object>) template.resources().get("OcrFunction").get("Metadata");
  }

  private Path dockerfile() {
    return ROOT.resolve(String.valueOf(metadata().get("DockerContext")))
        .resolve(String.valueOf(metadata().get("Dockerfile")));
  }

  /** The exec-form JSON array of a Dockerfile instruction (ENTRYPOINT, CMD). */
  private List<String> execForm(String text, String instruction) throws IOException {
    Matcher m = Pattern.compile("(?m)^" + instruction + "\\s+(\\[.*])\\s*$").matcher(text);
    assertTrue(m.find(), "the Dockerfile has no " + instruction + " in exec form");
    List<String> out = new ArrayList<>();
    new ObjectMapper().readTree(m.group(1)).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theImagesCommandIsTheTemplatesHandlerAndAHandlerOfThisModule() throws Exception {
    Map<String, Object> p = template.properties("OcrFunction");
    assertEquals("Image", p.get("PackageType"));
    List<Object> command = (List<Object>) ((Map<String, Object>) p.get("ImageConfig")).get("Command");
    String text = Files.readString(dockerfile());

    assertEquals(command, new ArrayList<Object>(execForm(text, "CMD")));
    String handler = String.valueOf(command.get(0));
    assertTrue(handler.endsWith("::handleRequest"), handler);
    Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
    assertTrue(RequestStreamHandler.class.isAssignableFrom(type), type + " is no RequestStreamHandler");
    assertNotNull(type.getConstructor(), "Lambda makes the handler through its public no-argument constructor");
  }

  @Test
  void theImageHasTesseractWithItsSimplifiedChineseModel() throws IOException {
    String text = Files.readString(dockerfile());
    Matcher install = Pattern.compile("apt-get install[^&]*").matcher(text.replace("\\\n", " "));
    assertTrue(install.find(), "no apt-get install in the Dockerfile");
    List<String> packages = List.of(install.group().trim().split("\\s+"));
    assertTrue(packages.contains("tesseract-ocr"), packages.toString());
    assertTrue(packages.contains("tesseract-ocr-chi-sim"), packages.toString());
    assertTrue(packages.contains("tesseract-ocr-eng"), packages.toString()); // the second reader of figures
    assertTrue(packages.stream().anyMatch(s -> s.matches("openjdk-17-jre(-headless)?")), "no Java 17: " + packages);
  }

  @Test
  void theImageCopiesTheJarTheBuildProducesAndStartsTheRuntimeInterfaceClientOnIt() throws Exception {
    String text = Files.readString(dockerfile());
    Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(text);
    assertTrue(copy.find(), "no COPY of the function's jar");
    String pom = Files.readString(dockerfile().getParent().resolve("pom.xml"));
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertTrue(finalName.find(), "the module's shade plugin names no finalName");
    assertEquals("target/" + finalName.group(1) + ".jar", copy.group(1), "the COPY is not the jar Maven builds");

    List<String> entry = execForm(text, "ENTRYPOINT");
    assertEquals("java", entry.get(0));
    assertEquals(copy.group(2), entry.get(entry.indexOf("-cp") + 1), "java's classpath is not the copied jar");
    assertEquals(RIC, entry.get(entry.size() - 1));
    Class.forName(RIC); // on this module's classpath, so in the shaded jar
  }
}

package nianbao.local.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** How to start a {@link TemplateRunner}: which template, where data lives, which ports, what to load. */
public final class StackOptions {
  private Path repoRoot = Path.of(".");
  private Path template;
  private Path dataDir;
  private Path stateDir;
  private int basePort = Ports.DEFAULT_BASE;
  private boolean explicitPorts;
  private Path samples;
  private boolean buildPage = true;
  private String stackName = "nianbao";
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private Consumer<String> log = System.err::println;
  private String classpath;

  /** Data in {@code <root>/.nianbao}, the root's template.yaml, the default ports, the samples loaded. */
  public static StackOptions forRepository(Path root) {
    StackOptions o = new StackOptions();
    o.repoRoot = root;
    o.template = root.resolve("template.yaml");
    o.dataDir = root.resolve(".nianbao");
    o.stateDir = o.dataDir;
    o.samples = root.resolve("infrastructure/local/samples");
    return o;
  }

  /** Everything in memory, on free ports, nothing loaded, no page build, no stack.json: for tests. */
  public static StackOptions throwaway(Path root, Path template) {
    StackOptions o = forRepository(root);
    o.template = template;
    o.dataDir = null;
    o.stateDir = null;
    o.basePort = 0;
    o.samples = null;
    o.buildPage = false;
    return o;
  }

  public StackOptions template(Path file) {
    this.template = file;
    return this;
  }

  /** Keeps data in {@code dir}; null keeps it in memory. stack.json and the lock go there too. */
  public StackOptions data(Path dir) {
    this.dataDir = dir;
    return this;
  }

  /** Where the running stack's addresses ({@code stack.json}) and its lock are kept; null for neither. */
  public StackOptions state(Path dir) {
    this.stateDir = dir;
    return this;
  }

  public StackOptions ports(int base, boolean explicit) {
    this.basePort = base;
    this.explicitPorts = explicit;
    return this;
  }

  public StackOptions samples(Path folder) {
    this.samples = folder;
    return this;
  }

  public StackOptions buildPage(boolean build) {
    this.buildPage = build;
    return this;
  }

  public StackOptions stackName(String name) {
    this.stackName = name;
    return this;
  }

  public StackOptions parameter(String name, String value) {
    parameters.put(name, value);
    return this;
  }

  public StackOptions log(Consumer<String> sink) {
    this.log = sink;
    return this;
  }

  /** The class path of the functions' JVMs; by default this JVM's own (which holds every module). */
  public StackOptions classpath(String path) {
    this.classpath = path;
    return this;
  }

  Path repoRoot() {
    return repoRoot;
  }

  Path template() {
    return template;
  }

  Path dataDir() {
    return dataDir;
  }

  Path stateDir() {
    return stateDir;
  }

  int basePort() {
    return basePort;
  }

  boolean explicitPorts() {
    return explicitPorts;
  }

  Path samples() {
    return samples;
  }

  boolean buildPage() {
    return buildPage;
  }

  String stackName() {
    return stackName;
  }

  Consumer<String> log() {
    return log;
  }

  /** The template parameters of the local stack: the user's, over the template's defaults. */
  Map<String, String> parameters(String pageOrigin) {
    Map<String, String> values = new LinkedHashMap<>();
    // the API's CORS origin (template parameter AllowedOrigin): the local page's, so CORS is exercised as in AWS
    values.put("AllowedOrigin", pageOrigin);
    values.putAll(parameters);
    return values;
  }

  String classpath() {
    if (classpath != null) {
      return classpath;
    }
    // under Maven's surefire the JVM's own class path is a single manifest jar; the real one is kept here
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The page's config.json (frontend/src/config.ts): where the API is; no sign-in on the local stack. */
  String pageConfig(String apiUrl) {
    var json = new ObjectMapper().createObjectNode();
    json.put("apiBase", apiUrl);
    json.putNull("auth");
    return json.toPrettyString();
  }
}

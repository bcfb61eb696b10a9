package nianbao.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import nianbao.local.stack.StackOptions;
import nianbao.local.stack.TemplateRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: {@code mvn -pl frontend test -Dtest=DevStack -Dnianbao.dev.minutes=30} keeps a throwaway local stack
 * (page and API) running for that long, its addresses in target/dev-stack.txt, for working on the page by hand.
 */
@EnabledIfSystemProperty(named = "nianbao.dev.minutes", matches = "\\d+")
class DevStack {
  @Test
  void serve() throws Exception {
    Path root = Path.of(System.getProperty("nianbao.root", "..")).toAbsolutePath().normalize();
    Path template = Path.of(System.getProperty("nianbao.template", root.resolve("template.yaml").toString()));
    try (TemplateRunner stack = TemplateRunner.start(StackOptions.throwaway(root, template).buildPage(true)
        .log(System.out::println))) {
      Files.writeString(Path.of("target/dev-stack.txt"), stack.pageUrl() + "\n" + stack.apiUrl() + "\n");
      Thread.sleep(Long.parseLong(System.getProperty("nianbao.dev.minutes")) * 60_000);
    }
  }
}

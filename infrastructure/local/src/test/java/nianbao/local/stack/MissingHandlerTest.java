package nianbao.local.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template naming a handler class that does not exist does not start: the error names the function and class. */
class MissingHandlerTest {
  @TempDir
  Path dir;

  @Test
  void theStartFailsNamingTheFunctionAndItsHandler() throws Exception {
    Path template = Files.writeString(dir.resolve("template.yaml"), """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Broken:
            Type: AWS::Serverless::Function
            Properties:
              Handler: nianbao.nowhere.NoSuchHandler::handleRequest
              Runtime: java21
        """);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TemplateRunner.start(StackOptions.throwaway(TemplateRunnerWiringTest.ROOT, template)).close());
    assertTrue(e.getMessage().contains("Broken") && e.getMessage().contains("nianbao.nowhere.NoSuchHandler"),
        e.getMessage());
  }
}

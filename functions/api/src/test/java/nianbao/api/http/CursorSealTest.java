package nianbao.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import nianbao.core.settings.Settings;
import org.junit.jupiter.api.Test;

class CursorSealTest {
  private final CursorSeal seal = new CursorSeal("a-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void aSealedCursorOpensToItsPayload() {
    assertEquals("fp.store-cursor", seal.open(seal.seal("fp.store-cursor")));
  }

  @Test
  void aCursorWithItsPayloadChangedIsRefusedEvenWithItsOwnMac() {
    String sealed = seal.seal("fp.{\"pk\":\"REPORT#a\"}");
    String mac = sealed.substring(sealed.lastIndexOf('.') + 1);
    String forged = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("fp.{\"pk\":\"REPORT#b\"}".getBytes(StandardCharsets.UTF_8)) + "." + mac;
    assertNull(seal.open(forged));
  }

  @Test
  void aCursorSealedByAnotherKeyOrUnsealedOrMalformedIsRefused() {
    CursorSeal other = new CursorSeal("another-key-of-16-bytes!".getBytes(StandardCharsets.UTF_8));
    assertNull(seal.open(other.seal("fp.x")));
    assertNull(seal.open(Base64.getUrlEncoder().encodeToString("fp.x".getBytes(StandardCharsets.UTF_8))));
    assertNull(seal.open("!!!.???"));
    assertNull(seal.open("."));
  }

  @Test
  void theKeyComesFromTheSettingsSoEveryInstanceAcceptsTheOthersCursors() {
    Settings settings = Settings.of(Map.of(), Map.of("CURSOR_SIGNING_KEY", "shared-key-of-the-stack-0123"));
    String fromOne = CursorSeal.fromSettings(settings).seal("fp.x");
    assertEquals("fp.x", CursorSeal.fromSettings(settings).open(fromOne));
  }
}

package nianbao.api.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nianbao.core.settings.Settings;

/**
 * Paging cursors sealed with an HMAC, so that a caller can hand back only cursors the API gave out: a cursor
 * carries DynamoDB's LastEvaluatedKey, and a forged one (a key attribute changed or dropped) made DynamoDB refuse
 * the query — a 500 — before it was sealed. The key is {@code CURSOR_SIGNING_KEY}, which the template fills from a
 * generated Secrets Manager secret (one key for every instance, so a page's cursor works on any of them). Without
 * it (tests, a process started by hand) each process makes its own key: cursors then work within that process only.
 */
public final class CursorSeal {
  private static final Logger LOG = Logger.getLogger(CursorSeal.class.getName());
  private static final String ALGORITHM = "HmacSHA256";
  /** 128 bits of the MAC: forging one is 2^128 guesses; the cursor stays short enough for a URL. */
  private static final int MAC_BYTES = 16;
  private static volatile CursorSeal system;

  private final SecretKeySpec key;

  public CursorSeal(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("CURSOR_SIGNING_KEY must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** The seal of this process, keyed by {@code CURSOR_SIGNING_KEY}, or by a random key when it is not set. */
  public static CursorSeal system() {
    CursorSeal s = system;
    if (s == null) {
      synchronized (CursorSeal.class) {
        if (system == null) {
          system = fromSettings(Settings.system());
        }
        s = system;
      }
    }
    return s;
  }

  static CursorSeal fromSettings(Settings settings) {
    return settings.get("CURSOR_SIGNING_KEY").map(k -> new CursorSeal(k.getBytes(StandardCharsets.UTF_8)))
        .orElseGet(() -> {
          LOG.warning("CURSOR_SIGNING_KEY is not set: paging cursors are valid in this process only");
          byte[] random = new byte[32];
          new SecureRandom().nextBytes(random);
          return new CursorSeal(random);
        });
  }

  /** {@code payload} (printable text) and its MAC, base64url. */
  public String seal(String payload) {
    byte[] text = payload.getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(text) + "." + b64.encodeToString(mac(text));
  }

  /** The payload of a cursor this seal made; null for anything else (malformed, altered, or sealed by another key). */
  public String open(String sealed) {
    int dot = sealed.lastIndexOf('.');
    if (dot <= 0 || dot + 1 >= sealed.length()) {
      return null;
    }
    try {
      byte[] text = Base64.getUrlDecoder().decode(sealed.substring(0, dot));
      byte[] mac = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
      return MessageDigest.isEqual(mac, mac(text)) ? new String(text, StandardCharsets.UTF_8) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] mac(byte[] text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(text), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

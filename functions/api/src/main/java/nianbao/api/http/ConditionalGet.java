package nianbao.api.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Reads ({@link Response#isCacheable()}, status 200) get a strong ETag — a hash of the body — and the read
 * Cache-Control ({@code private} when reads are protected); a request whose {@code If-None-Match} names that tag
 * (or {@code *}) is answered 304 without the body.
 */
public final class ConditionalGet {
  private final String cacheControl;

  public ConditionalGet(boolean privateReads, Duration maxAge) {
    this.cacheControl = (privateReads ? "private" : "public") + ", max-age=" + maxAge.toSeconds();
  }

  /** The response with its ETag and Cache-Control, or a 304 in its place. */
  public Response apply(Request request, Response response) {
    if (!response.isCacheable() || response.status() != 200) {
      return response;
    }
    String etag = etag(response.bodyBytes());
    response.header("ETag", etag).header("Cache-Control", cacheControl);
    if (request != null && matches(request.header("if-none-match"), etag)) {
      return new Response(304).header("ETag", etag).header("Cache-Control", cacheControl);
    }
    return response;
  }

  static String etag(byte[] body) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Weak comparison (RFC 9110 §13.1.2): {@code W/} is ignored, {@code *} matches any tag. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String tag = t.strip();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}

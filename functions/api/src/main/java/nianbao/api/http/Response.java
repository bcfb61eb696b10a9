package nianbao.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response. {@code body} is text (JSON, CSV) or null; {@code cacheable} marks a read whose body gets an
 * ETag and the read Cache-Control, and can be answered 304.
 */
public final class Response {
  public static final String JSON = "application/json; charset=utf-8";
  public static final String PROBLEM = "application/problem+json; charset=utf-8";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String body;
  private byte[] binary;
  private boolean cacheable;

  public Response(int status) {
    this.status = status;
  }

  public static Response json(int status, String json) {
    return new Response(status).header("Content-Type", JSON).body(json);
  }

  /** A read: JSON with an ETag and the read Cache-Control. */
  public static Response read(String json) {
    return json(200, json).cacheable();
  }

  public static Response redirect(int status, String location) {
    return new Response(status).header("Location", location).header("Cache-Control", "no-store");
  }

  public Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Response body(String text) {
    this.body = text;
    this.binary = null;
    return this;
  }

  /** A binary body (a DOCX): sent base64-encoded, as API Gateway expects. */
  public Response binary(byte[] bytes) {
    this.body = null;
    this.binary = bytes.clone();
    return this;
  }

  public boolean isBase64() {
    return binary != null;
  }

  public Response cacheable() {
    this.cacheable = true;
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public String header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The body as sent: text, or a binary body in base64. */
  public String body() {
    return binary != null ? java.util.Base64.getEncoder().encodeToString(binary) : body;
  }

  public byte[] bodyBytes() {
    return binary != null ? binary.clone() : body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
  }

  public boolean isCacheable() {
    return cacheable;
  }
}

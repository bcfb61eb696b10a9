package nianbao.api.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nianbao.api.access.Access;

/**
 * One route of the API: method and path pattern ({@code /reports/{id}}), the code that answers it, and what the
 * OpenAPI document says of it — so the document is generated from the same table the router uses.
 *
 * @param protectedRoute a write: behind the authorizer in AWS (explicit route in template.yaml)
 * @param role           what the caller must hold for a protected route (null for the open reads)
 */
public record Route(String method, String path, String operationId, String summary, String description,
    boolean protectedRoute, Access.Role role, List<Param> parameters, Body requestBody, Map<String, Doc> responses,
    Handler handler) {

  /** The code that answers one route. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  /**
   * A documented parameter. {@code schema} is a JSON Schema as JSON text.
   *
   * @param in {@code query} or {@code path}
   */
  public record Param(String name, String in, boolean required, String schema, String description) {
    public static Param query(String name, String schema, String description) {
      return new Param(name, "query", false, schema, description);
    }

    public static Param requiredQuery(String name, String schema, String description) {
      return new Param(name, "query", true, schema, description);
    }

    public static Param path(String name, String schema, String description) {
      return new Param(name, "path", true, schema, description);
    }
  }

  /** A request body: media type and a schema component name. */
  public record Body(String mediaType, String schemaRef, String description) {}

  /**
   * A documented response: media type and schema component name (null for none), the headers it carries, and
   * other media types the same status may answer with (by media type, their schema component names).
   */
  public record Doc(String description, String mediaType, String schemaRef, List<String> headers,
      Map<String, String> otherMediaTypes) {
    public Doc(String description, String mediaType, String schemaRef, List<String> headers) {
      this(description, mediaType, schemaRef, headers, Map.of());
    }
  }

  public List<String> segments() {
    return split(path);
  }

  static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      out.add(s);
    }
    if (!out.isEmpty() && out.get(0).isEmpty()) {
      out.remove(0);
    }
    return out;
  }

  public static Builder get(String path, String operationId, String summary) {
    return new Builder("GET", path, operationId, summary);
  }

  public static Builder post(String path, String operationId, String summary) {
    return new Builder("POST", path, operationId, summary);
  }

  public static Builder put(String path, String operationId, String summary) {
    return new Builder("PUT", path, operationId, summary);
  }

  public static Builder delete(String path, String operationId, String summary) {
    return new Builder("DELETE", path, operationId, summary);
  }

  public static final class Builder {
    private final String method;
    private final String path;
    private final String operationId;
    private final String summary;
    private String description;
    private boolean protectedRoute;
    private Access.Role role;
    private final List<Param> parameters = new ArrayList<>();
    private Body body;
    private final Map<String, Doc> responses = new LinkedHashMap<>();

    private Builder(String method, String path, String operationId, String summary) {
      this.method = method;
      this.path = path;
      this.operationId = operationId;
      this.summary = summary;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    /** A write a reviewer (Cognito group reviewer, scope nianbao/review, or above) may make: a JWT route. */
    public Builder writes() {
      return writes(Access.Role.REVIEWER);
    }

    /** A JWT route for callers holding {@code role}; 403 (documented) for the others. */
    public Builder writes(Access.Role role) {
      this.protectedRoute = true;
      this.role = role;
      problem(403, "没有权限（用户组、scope 或地区不符）");
      return this;
    }

    public Builder param(Param p) {
      parameters.add(p);
      return this;
    }

    public Builder params(List<Param> ps) {
      parameters.addAll(ps);
      return this;
    }

    public Builder body(String mediaType, String schemaRef, String text) {
      this.body = new Body(mediaType, schemaRef, text);
      return this;
    }

    public Builder json(int status, String schemaRef, String text) {
      // reads carry an ETag; writes do not
      responses.put(Integer.toString(status), new Doc(text, "application/json", schemaRef,
          method.equals("GET") ? List.of("ETag") : List.of()));
      return this;
    }

    public Builder response(int status, String mediaType, String schemaRef, String text, String... headers) {
      responses.put(Integer.toString(status), new Doc(text, mediaType, schemaRef, List.of(headers)));
      return this;
    }

    /** Another media type the documented {@code status} answers with (a format= chosen by the client). */
    public Builder alsoAs(int status, String mediaType, String schemaRef) {
      Doc d = responses.get(Integer.toString(status));
      Map<String, String> more = new LinkedHashMap<>(d.otherMediaTypes());
      more.put(mediaType, schemaRef);
      responses.put(Integer.toString(status), new Doc(d.description(), d.mediaType(), d.schemaRef(), d.headers(),
          Map.copyOf(more)));
      return this;
    }

    public Builder problem(int status, String text) {
      responses.put(Integer.toString(status), new Doc(text, "application/problem+json", "Problem", List.of()));
      return this;
    }

    public Route to(Handler handler) {
      // every route may answer with a problem; the specific ones above say which statuses are expected
      responses.putIfAbsent("default", new Doc("错误（RFC 9457 problem+json）", "application/problem+json",
          "Problem", List.of()));
      return new Route(method, path, operationId, summary, description, protectedRoute, role, List.copyOf(parameters),
          body, Map.copyOf(new LinkedHashMap<>(responses)), handler);
    }
  }
}

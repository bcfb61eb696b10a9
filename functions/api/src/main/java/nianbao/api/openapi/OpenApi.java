package nianbao.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nianbao.api.Json;
import nianbao.api.http.Response;
import nianbao.api.http.Route;

/**
 * The OpenAPI 3.1 document, generated from the router's own route table (paths, methods, parameters, responses)
 * and the component schemas in {@code schemas.json}; the contract test checks every route's real answers against it.
 */
public final class OpenApi {
  private OpenApi() {}

  /** {@code GET /openapi.json}: the document of {@code routes} (this route among them), made at its first read. */
  public static Route route(Supplier<List<Route>> routes, boolean protectReads) {
    Supplier<String> document = new Supplier<>() {
      private volatile String doc;

      @Override
      public String get() {
        String d = doc;
        if (d == null) {
          d = Json.write(document(routes.get(), protectReads));
          doc = d;
        }
        return d;
      }
    };
    return Route.get("/openapi.json", "getOpenApi", "本 API 的 OpenAPI 3.1 描述")
        .response(200, "application/json", "OpenApi", "OpenAPI 文档", "ETag").to(r -> Response.read(document.get()));
  }

  public static ObjectNode document(List<Route> routes, boolean protectReads) {
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "nianbao 政府信息公开工作年度报告 API");
    info.put("version", "1");
    info.put("description", "读取、校验政府信息公开工作年度报告并提供结果。所有响应为 UTF-8；错误为 RFC 9457 "
        + "application/problem+json（中文 title，具体 detail）。读取类响应带 ETag 与 Cache-Control，支持 If-None-Match "
        + "与 HEAD。写入（上传、删除）在 AWS 上需要 Cognito 签发的 JWT（Authorization: Bearer …）"
        + (protectReads ? "；本部署的读取也需要。" : "；读取公开。"));
    doc.put("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base");
    doc.putArray("servers").addObject().put("url", "/");
    ObjectNode components = doc.putObject("components");
    components.set("schemas", schemas());
    ObjectNode bearer = components.putObject("securitySchemes").putObject("cognito");
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put("bearerFormat", "JWT");
    bearer.put("description", "Cognito 用户池签发的访问令牌。每个受保护操作列出 API Gateway 接受的 scope（任一即可）："
        + "openid 为经托管登录页登录的用户，其权限由 Cognito 用户组 reader、reviewer、admin 决定（可由属性 custom:region "
        + "限于某地区）；nianbao/read、nianbao/review、nianbao/admin 为以 client credentials 获取令牌的其他系统");
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      item.set(r.method().toLowerCase(Locale.ROOT), operation(r, protectReads, false));
      if (r.method().equals("GET")) {
        item.set("head", operation(r, protectReads, true));
      }
    }
    return doc;
  }

  private static ObjectNode operation(Route r, boolean protectReads, boolean head) {
    ObjectNode op = Json.object();
    op.put("operationId", head ? r.operationId() + "Head" : r.operationId());
    op.put("summary", head ? r.summary() + "（仅响应头）" : r.summary());
    if (r.description() != null) {
      op.put("description", r.description());
    }
    op.putArray("tags").add(r.path().split("/")[1]);
    if (!r.parameters().isEmpty()) {
      ArrayNode params = op.putArray("parameters");
      for (Route.Param p : r.parameters()) {
        ObjectNode o = params.addObject();
        o.put("name", p.name());
        o.put("in", p.in());
        o.put("required", p.required());
        o.put("description", p.description());
        o.set("schema", parse(p.schema()));
      }
    }
    if (r.requestBody() != null) {
      ObjectNode body = op.putObject("requestBody");
      body.put("required", true);
      body.put("description", r.requestBody().description());
      body.putObject("content").putObject(r.requestBody().mediaType()).putObject("schema")
          .put("$ref", ref(r.requestBody().schemaRef()));
    }
    ObjectNode responses = op.putObject("responses");
    for (Map.Entry<String, Route.Doc> e : r.responses().entrySet()) {
      Route.Doc d = e.getValue();
      ObjectNode res = responses.putObject(e.getKey());
      res.put("description", d.description());
      if (!d.headers().isEmpty()) {
        ObjectNode headers = res.putObject("headers");
        for (String h : d.headers()) {
          headers.putObject(h).putObject("schema").put("type", "string");
        }
      }
      if (d.schemaRef() != null && !head) {
        ObjectNode content = res.putObject("content");
        content.putObject(d.mediaType()).putObject("schema").put("$ref", ref(d.schemaRef()));
        d.otherMediaTypes().forEach((media, schema) -> content.putObject(media).putObject("schema")
            .put("$ref", ref(schema)));
      }
    }
    if (r.method().equals("GET")) {
      responses.putObject("304").put("description", "未修改（If-None-Match 与 ETag 相同）");
    }
    if (r.protectedRoute() || protectReads) {
      var scopes = op.putArray("security").addObject().putArray("cognito");
      nianbao.api.access.Access.gatewayScopes(r.role() != null ? r.role()
          : nianbao.api.access.Access.Role.READER).forEach(scopes::add);
    } else {
      op.putArray("security").addObject();
    }
    return op;
  }

  static String ref(String name) {
    return "#/components/schemas/" + name;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemas() {
    try (InputStream in = OpenApi.class.getResourceAsStream("/nianbao/api/schemas.json")) {
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

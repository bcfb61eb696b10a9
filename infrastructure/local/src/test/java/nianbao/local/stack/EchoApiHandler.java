package nianbao.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A test function behind the HTTP API: answers with what it received, as the event classes deserialised it. */
public class EchoApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ObjectNode out = JSON.createObjectNode();
    out.put("version", event.getVersion());
    out.put("routeKey", event.getRouteKey());
    out.put("rawPath", event.getRawPath());
    out.put("rawQueryString", event.getRawQueryString());
    out.putPOJO("queryStringParameters", event.getQueryStringParameters());
    out.putPOJO("pathParameters", event.getPathParameters());
    out.putPOJO("cookies", event.getCookies());
    out.put("contentType", event.getHeaders() == null ? null : event.getHeaders().get("content-type"));
    out.put("method", event.getRequestContext().getHttp().getMethod());
    out.put("body", event.getBody());
    out.put("isBase64Encoded", event.getIsBase64Encoded());
    var authorizer = event.getRequestContext().getAuthorizer();
    out.putPOJO("claims", authorizer == null || authorizer.getJwt() == null ? null : authorizer.getJwt().getClaims());
    out.put("functionName", context.getFunctionName());
    out.put("invokedArn", context.getInvokedFunctionArn());
    out.put("remainingMillis", context.getRemainingTimeInMillis());
    out.put("tableName", System.getenv("TABLE_NAME"));
    if (event.getRawPath().equals("/big")) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("x".repeat(7 * 1024 * 1024)).build();
    }
    return APIGatewayV2HTTPResponse.builder().withStatusCode(event.getRawPath().equals("/teapot") ? 418 : 200)
        .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
        .withCookies(List.of("seen=1; Path=/"))
        .withBody(out.toString()).build();
  }
}

package nianbao.local.stack;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test function fed by S3: records each record it is given in its table (key decoded, the record as sent), and
 * fails for keys containing "fail", so that retries and the on-failure queue can be watched.
 */
public class RecordingS3Handler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  // the endpoint, region and credentials come from the environment the local stack gives the function
  private final DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event = JSON.readTree(input);
    for (JsonNode record : event.path("Records")) {
      String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
      if (key.contains("fail")) {
        throw new IllegalStateException("refusing " + key);
      }
      dynamo.putItem(r -> r.tableName(System.getenv("TABLE_NAME")).item(Map.of(
          "pk", AttributeValue.fromS(key), "record", AttributeValue.fromS(record.toString()),
          "arn", AttributeValue.fromS(context.getInvokedFunctionArn()))));
    }
    output.write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
  }
}

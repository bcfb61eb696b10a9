package nianbao.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** How store failures reach the caller: the store refusing the request as invalid is the caller's 400. */
class ProblemResponsesTest {
  private static final Request GET = new Request("GET", "/reports", Map.of(), Map.of(), null, Map.of(), null, "req-1");

  private static DynamoDbException dynamo(int status, String code) {
    return (DynamoDbException) DynamoDbException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("The provided starting key is invalid")
            .build()).build();
  }

  @Test
  void aRequestTheStoreRefusesAsInvalidIsA400WithoutTheStoresWords() {
    Response r = ProblemResponses.of(GET, dynamo(400, "ValidationException"));
    assertEquals(400, r.status());
    assertTrue(r.body().contains("bad-parameter"), r.body());
    assertFalse(r.body().contains("starting key"), r.body());
  }

  @Test
  void otherStoreFailuresStayTheService() {
    assertEquals(500, ProblemResponses.of(GET, dynamo(400, "AccessDeniedException")).status());
    assertEquals(500, ProblemResponses.of(GET, dynamo(500, "InternalServerError")).status());
  }
}

package nianbao.ingest;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients, each with the light url-connection HTTP client and nothing else configured: region,
 * credentials and endpoint come from the SDK's standard settings (AWS_REGION, AWS_ENDPOINT_URL,
 * AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SQS, or the matching {@code aws.*} system
 * properties), so the same code talks to AWS, LocalStack, moto or the local stack. S3 is read through
 * {@link S3GetObjectClient}, which takes the same settings.
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * One HTTP client for all of them: each would otherwise set up TLS again. The SDK clients leave a client they
   * were given open; it lives as long as the function.
   */
  private static final class Http {
    static final SdkHttpClient CLIENT = UrlConnectionHttpClient.create();
  }

  /** The shared HTTP client, built at the first call (a cold start makes it on a thread of its own). */
  public static SdkHttpClient http() {
    return Http.CLIENT;
  }

  public static DynamoDbClient dynamo() {
    return DynamoDbClient.builder().httpClient(Http.CLIENT).build();
  }

  /** GetObject, the one S3 call of the function, without the S3 client: see {@link S3GetObjectClient}. */
  public static S3GetObjectClient s3Objects() {
    return S3GetObjectClient.fromStandardSettings(Http.CLIENT);
  }

  public static SqsClient sqs() {
    return SqsClient.builder().httpClient(Http.CLIENT).build();
  }
}

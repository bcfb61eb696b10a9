package nianbao.local.stack;

import java.util.List;
import java.util.Map;

/**
 * A function as template.yaml declares it (after SAM's {@code Globals}), with what the local stack needs to run
 * it: handler, memory, timeout, resolved environment, and how Lambda treats its asynchronous invocations.
 *
 * @param instances      concurrent instances run side by side in its process: one for a function fed by S3 (its
 *                       events are then applied in the order the bucket sent them), two behind an HTTP API
 * @param arn            the ARN its events invoke: qualified by its alias when it has one (AutoPublishAlias)
 * @param retries        retries of a failed asynchronous invocation ({@code EventInvokeConfig}, default 2)
 * @param onFailureQueue name of the SQS queue failed asynchronous events go to, or null
 */
record FunctionSpec(String logicalId, String name, String handler, String runtime, int memoryMb,
    int timeoutSeconds, int instances, String arn, Map<String, String> environment, int retries,
    String onFailureQueue, List<S3Subscription> s3Events, List<Route> routes) {

  /** Whether S3 notifications or HTTP API routes invoke it: else only a caller of Lambda's Invoke does. */
  boolean reachedByEvents() {
    return !s3Events.isEmpty() || !routes.isEmpty();
  }

  String unqualifiedArn() {
    return "arn:aws:lambda:" + StackTemplate.REGION + ":000000000000:function:" + name;
  }

  /**
   * One HTTP API route to this function ({@code $default}, {@code POST /uploads}, {@code ANY /{proxy+}}) and
   * its authorization type ({@code NONE}, {@code JWT}, {@code AWS_IAM}).
   */
  record Route(String key, String authorization) {}

  /** One {@code Type: S3} event: a bucket, the event names it asks for and its key filter. */
  record S3Subscription(String bucketLogicalId, List<String> events, String prefix, String suffix) {
    boolean matches(String eventName, String key) {
      boolean named = events.stream().anyMatch(pattern -> {
        String p = pattern.startsWith("s3:") ? pattern.substring(3) : pattern;
        return p.endsWith("*") ? eventName.startsWith(p.substring(0, p.length() - 1)) : eventName.equals(p);
      });
      return named && (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix));
    }
  }
}

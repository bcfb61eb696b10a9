package nianbao.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Where an export that cannot finish within one HTTP answer goes on. In Lambda the function invokes itself
 * asynchronously (an event only Lambda can deliver: no API Gateway request context, route key
 * {@value #ROUTE_KEY}); elsewhere (tests, a handler embedded in a process) a background thread runs it.
 */
public interface ExportJobs {
  String ROUTE_KEY = "nianbao:export-job";

  /** One export: its id, {@code reports} or {@code findings}, and the filter as a raw query string. */
  record Job(String id, String kind, String rawQuery) {}

  /** Starts {@code job}; {@code inProcess} runs it here, for implementations that run it in this process. */
  void start(Job job, Runnable inProcess);

  /** A background thread of this process. */
  static ExportJobs inProcess() {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "nianbao-export");
      t.setDaemon(true);
      return t;
    });
    return (job, run) -> pool.execute(run);
  }

  /** An asynchronous invocation of the function {@code functionName} (this one) with the job as its event. */
  static ExportJobs lambda(LambdaClient lambda, String functionName) {
    return (job, run) -> lambda.invoke(r -> r.functionName(functionName).invocationType(InvocationType.EVENT)
        .payload(SdkBytes.fromUtf8String(event(job))));
  }

  /** The event of a job's invocation: payload 2.0 fields, but no request context, which only API Gateway sets. */
  static String event(Job job) {
    ObjectNode event = Json.object();
    event.put("version", "2.0");
    event.put("routeKey", ROUTE_KEY);
    event.put("rawPath", "/export/jobs/" + job.id());
    event.put("rawQueryString", job.rawQuery());
    event.putObject("headers").put("x-nianbao-export", job.kind());
    event.put("isBase64Encoded", false);
    return Json.write(event);
  }
}

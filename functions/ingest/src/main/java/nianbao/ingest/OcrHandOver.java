package nianbao.ingest;

import nianbao.ocr.function.LambdaInvoker;
import nianbao.ocr.function.OcrRequest;
import nianbao.store.write.UploadedObject;

/**
 * A scan handed to the OCR function ({@code OCR_FUNCTION_NAME}) as an asynchronous Invoke: Lambda queues it and
 * answers at once, so the upload function's invocation ends in milliseconds whatever the scan's length. The
 * invoker is made at the first scan, so uploads of text cost the cold start nothing.
 */
public final class OcrHandOver implements Ingest.ScanHandOver {
  private final String function;
  private volatile LambdaInvoker lambda;

  public OcrHandOver(String function) {
    this.function = function;
  }

  @Override
  public void handOver(UploadedObject upload) {
    if (lambda == null) {
      lambda = LambdaInvoker.fromStandardSettings(AwsClients.http());
    }
    lambda.invokeAsync(function, new OcrRequest(upload, 0).toJson());
  }
}

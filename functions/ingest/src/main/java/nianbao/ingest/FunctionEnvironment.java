package nianbao.ingest;

import nianbao.core.settings.Settings;

/**
 * The settings template.yaml gives this package's two functions: {@code TABLE_NAME} (both; required),
 * {@code REPORTS_BUCKET} (the upload function: where uploads arrive, asked once at start-up) and
 * {@code DEAD_LETTER_QUEUE_URL} (the operations function: what redrive empties), {@code OCR_FUNCTION_NAME} (the
 * upload function: where scans go; unset, a scan is read as any upload and a PDF without text is refused). Region, credentials and
 * endpoints are the SDK's own settings ({@link AwsClients}).
 */
public record FunctionEnvironment(String tableName, String reportsBucket, String deadLetterQueueUrl,
    String ocrFunctionName) {

  public static FunctionEnvironment fromSystem() {
    Settings settings = Settings.system();
    return new FunctionEnvironment(settings.required("TABLE_NAME"), settings.get("REPORTS_BUCKET").orElse(null),
        settings.get("DEAD_LETTER_QUEUE_URL").orElse(null), settings.get("OCR_FUNCTION_NAME").orElse(null));
  }
}

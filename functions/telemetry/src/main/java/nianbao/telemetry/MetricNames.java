package nianbao.telemetry;

/**
 * Every metric the functions emit, in namespace {@value Metrics#NAMESPACE}. template.yaml's dashboard and alarms
 * name these (TelemetryTemplateTest checks that each one the template uses exists here).
 */
public final class MetricNames {
  /** An upload stored as (a version of) a report. */
  public static final String REPORTS_INGESTED = "ReportsIngested";
  /** An upload refused: not a report, unreadable, too large. */
  public static final String REPORTS_REJECTED = "ReportsRejected";
  /** Findings of a stored report, dimension {@link #RULE} and {@link #SEVERITY}. */
  public static final String FINDINGS = "Findings";
  /** Reading and checking one document, milliseconds. */
  public static final String PARSE_DURATION = "ParseDuration";
  /**
   * Recognising a scan, milliseconds, dimension {@link #SPAN}: {@link #PAGE} (one page's recognition) or
   * {@link #DOCUMENT} (every page of a scan, over its hand-offs, and reading the report from them).
   */
  public static final String OCR_DURATION = "OcrDuration";
  /** One API request from the handler's start to its answer, milliseconds, dimension {@link #ROUTE}. */
  public static final String API_LATENCY = "ApiLatency";
  /** API answers with a 5xx status, dimension {@link #ROUTE}. */
  public static final String API_SERVER_ERRORS = "ApiServerErrors";

  public static final String RULE = "Rule";
  public static final String SEVERITY = "Severity";
  public static final String ROUTE = "Route";
  public static final String SPAN = "Span";
  public static final String PAGE = "Page";
  public static final String DOCUMENT = "Document";

  private MetricNames() {}
}

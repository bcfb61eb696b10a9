package nianbao.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nianbao.servers.LocalDynamoDb;
import nianbao.servers.LocalQueues;
import nianbao.servers.TemplateTables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The local stack: template.yaml, run on this machine (docs/DESIGN.md, "The local stack is the template, run locally";
 * not the LocalStack product, which infrastructure/localstack serves). DynamoDB Local and s3proxy on loopback,
 * the template's tables, buckets and queues, each function in its own JVM under the handler class the template
 * names, bucket notifications and HTTP API routes wired to them as the template wires them, and the page beside
 * them. {@link #close()} stops all of it.
 */
public final class TemplateRunner implements AutoCloseable {
  private final StackOptions options;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
  private Ports ports;
  private StackTemplate template;
  private LocalQueues queues;
  private AsyncInvocations async;
  private String reportsBucket;
  private String table;
  private FileChannel lockChannel;
  private Path lockedFolder;
  private Path tempDynamo;
  private boolean pageBuilt;
  private long startMillis;

  private TemplateRunner(StackOptions options) {
    this.options = options;
  }

  /** Port races lost before giving up: each costs a stack start, and a second loss in a row is already rare. */
  private static final int BIND_ATTEMPTS = 3;

  /**
   * Starts everything the template declares; on failure, stops what was started and throws. Ports are checked
   * free when chosen, but another process can bind one before our server does (CI saw "Address already in use"
   * once in a hundred runs): unless the user chose the ports, such a start is tried again on fresh ones.
   */
  public static TemplateRunner start(StackOptions options) {
    for (int attempt = 1; ; attempt++) {
      TemplateRunner stack = new TemplateRunner(options);
      try {
        stack.startAll();
        return stack;
      } catch (RuntimeException | IOException | InterruptedException e) {
        stack.close();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        } else if (attempt < BIND_ATTEMPTS && !options.explicitPorts() && lostPortRace(e)) {
          options.log().accept("端口刚被占用，换端口重试 (a port was taken while starting; retrying on fresh ports): "
              + e.getMessage());
          continue;
        }
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  static boolean lostPortRace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException || message.contains("Address already in use")
          || message.contains("Failed to bind")) {
        return true;
      }
    }
    return false;
  }

  private void startAll() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Consumer<String> log = options.log();
    lock();
    ports = Ports.choose(options.basePort(), options.explicitPorts(), log);
    String services = "http://127.0.0.1:" + ports.services();
    Path data = options.dataDir();
    queues = new LocalQueues(data == null ? null : data.resolve("queues"), services);
    template = new StackTemplate(options.template(), options.parameters(pageOrigin()),
        options.stackName(), queues::url);

    // the functions' JVMs take longest to start: start them first, in parallel with the servers; one that no
    // event reaches (an operator's) starts at its first invocation, as Lambda starts any function
    List<FunctionSpec> specs = template.functions();
    String classpath = options.classpath();
    LocalFunction.requireHandlerClasses(specs, classpath);
    for (FunctionSpec spec : specs) {
      LocalFunction function = new LocalFunction(spec, functionEnvironment(spec), classpath, log);
      started.add(function);
      if (spec.reachedByEvents()) {
        function.start();
      }
      functions.put(spec.name(), function);
    }
    CompletableFuture<Path> page = CompletableFuture.supplyAsync(() ->
        options.buildPage() ? FrontendBuild.ensureBuilt(options.repoRoot(), log) : null);
    CompletableFuture<LocalDynamoDb> dynamoStart = CompletableFuture.supplyAsync(() -> {
      if (data != null) {
        return LocalDynamoDb.onFolder(data.resolve("dynamodb"), ports.dynamodb());
      }
      try {
        tempDynamo = Files.createTempDirectory("nianbao-dynamodb");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return LocalDynamoDb.onFolder(tempDynamo, ports.dynamodb());
    });
    List<StackTemplate.Bucket> buckets = template.buckets();
    List<Map<String, Object>> cors = buckets.stream().flatMap(b -> b.corsRules().stream()).toList();
    S3Server s3Server;
    try {
      s3Server = new S3Server(data == null ? null : data.resolve("s3"), ports.s3(), cors, pageOrigin());
    } catch (RuntimeException e) {
      dynamoStart.thenAccept(LocalDynamoDb::close);
      throw e;
    }
    started.add(s3Server);
    started.add(dynamoStart.join());
    long serversMillis = (System.nanoTime() - t0) / 1_000_000;

    S3Client s3 = s3Client();
    for (StackTemplate.Bucket bucket : buckets) {
      try {
        s3.createBucket(r -> r.bucket(bucket.name()));
      } catch (BucketAlreadyOwnedByYouException e) {
        // kept from an earlier run
      }
      if (bucket.versioned()) {
        try {
          s3.putBucketVersioning(r -> r.bucket(bucket.name()).versioningConfiguration(v -> v.status("Enabled")));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
          // s3proxy's blob stores keep one version per key (501): uploads still work, with versionId "null"
          log.accept("桶 " + bucket.name() + "：本地 S3 (s3proxy) 不支持版本控制，同名上传会覆盖旧文件"
              + " (versioning not supported locally; objects carry no versionId)");
        }
      }
    }
    try (DynamoDbClient dynamo = dynamoClient()) {
      for (TemplateTables.Table t : template.tables()) {
        TableSync.apply(dynamo, t, log);
        table = table == null ? t.name() : table;
      }
    }
    template.queues().values().forEach(queues::create);
    functions.values().forEach(LocalFunction::resourcesCreated);
    long resourcesMillis = (System.nanoTime() - t0) / 1_000_000;
    async = new AsyncInvocations(queues, data == null ? null : data.resolve("events"), log);
    started.add(async);
    started.add(new ServiceEndpoint(ports.services(), functions, queues, async));

    HttpApiRoutes routes = new HttpApiRoutes();
    Map<String, List<BucketNotifications.Target>> notifications = new LinkedHashMap<>();
    for (LocalFunction function : functions.values()) {
      function.spec().routes().forEach(route -> routes.add(route, function));
      for (FunctionSpec.S3Subscription subscription : function.spec().s3Events()) {
        String bucket = template.bucketName(subscription.bucketLogicalId());
        reportsBucket = reportsBucket == null ? bucket : reportsBucket;
        notifications.computeIfAbsent(bucket, b -> new ArrayList<>())
            .add(new BucketNotifications.Target(subscription, function));
      }
    }
    notifications.forEach((bucket, targets) -> s3Server.notify(bucket, new BucketNotifications(targets, async)));
    started.add(new HttpApiGateway(ports.api(), routes));
    if (routes.isEmpty()) {
      log.accept("template.yaml 还没有 HTTP API 路由：API 地址对每个请求回答 404 (no HTTP API routes in the template yet)");
    }
    Path dist = page.join();
    pageBuilt = dist != null;
    started.add(new PageServer(ports.page(), dist, options.pageConfig(apiUrl())));
    for (LocalFunction function : functions.values()) {
      if (function.started() && !function.awaitReady(120_000)) {
        throw new IllegalStateException("function " + function.spec().logicalId() + " did not start in 120 s");
      }
    }
    startMillis = (System.nanoTime() - t0) / 1_000_000;
    log.accept(String.format(java.util.Locale.ROOT, "本地栈启动：S3 与 DynamoDB %.1f s，桶/表/队列 %.1f s，函数就绪 %.1f s",
        serversMillis / 1000.0, resourcesMillis / 1000.0, startMillis / 1000.0));
    Map<String, LocalFunction> byLogicalId = new LinkedHashMap<>();
    functions.values().forEach(f -> byLogicalId.put(f.spec().logicalId(), f));
    started.add(new LocalSchedules(template.schedules(), byLogicalId, async, log));
    int redelivered = async.redeliver(functions);
    if (redelivered > 0) {
      log.accept("上次停止时有 " + redelivered + " 个 S3 事件尚未处理完，已重新交给函数 (" + redelivered
          + " event(s) in flight when the stack last stopped, handed to the function again)");
    }
    if (options.samples() != null) {
      Samples.load(s3, reportsBucket, options.samples());
    }
    if (options.stateDir() != null) {
      StackInfo.write(options.stateDir(), this);
    }
  }

  /** The template's environment plus what Lambda sets, with the AWS endpoints pointing at this stack. */
  private Map<String, String> functionEnvironment(FunctionSpec spec) {
    Map<String, String> env = new LinkedHashMap<>(spec.environment());
    String services = "http://127.0.0.1:" + ports.services();
    env.put("AWS_REGION", StackTemplate.REGION);
    env.put("AWS_DEFAULT_REGION", StackTemplate.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + ports.s3());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + ports.dynamodb());
    env.put("AWS_ENDPOINT_URL_SQS", services);
    env.put("AWS_ENDPOINT_URL_LAMBDA", services);
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
    env.put("TZ", ":UTC");
    return env;
  }

  /** Data folders in use by stacks of this JVM: a second file lock from the same JVM would not be refused. */
  private static final java.util.Set<Path> IN_USE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** One {@code ./nianbao serve} per data folder: DynamoDB Local and s3proxy must not share their files. */
  private void lock() throws IOException {
    if (options.stateDir() == null) {
      return;
    }
    Files.createDirectories(options.stateDir());
    Path folder = options.stateDir().toRealPath();
    if (!IN_USE.add(folder)) {
      throw inUse();
    }
    lockedFolder = folder;
    lockChannel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = lockChannel.tryLock();
    if (lock == null) {
      throw inUse();
    }
  }

  private IllegalStateException inUse() {
    return new IllegalStateException("另一个 ./nianbao serve 正在使用 " + options.stateDir()
        + "；先停止它，或用 --data 指定别的目录 (another local stack uses this folder)");
  }

  public S3Client s3Client() {
    return S3Client.builder().endpointOverride(URI.create(s3Endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
  }

  public DynamoDbClient dynamoClient() {
    return DynamoDbClient.builder().endpointOverride(URI.create(dynamoEndpoint())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  public String pageOrigin() {
    return "http://127.0.0.1:" + ports.page();
  }

  public String pageUrl() {
    return pageOrigin() + "/";
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + ports.api();
  }

  public String s3Endpoint() {
    return "http://127.0.0.1:" + ports.s3();
  }

  public String dynamoEndpoint() {
    return "http://127.0.0.1:" + ports.dynamodb();
  }

  /** Lambda's Invoke API and SQS, on one port. */
  public String servicesEndpoint() {
    return "http://127.0.0.1:" + ports.services();
  }

  public String region() {
    return StackTemplate.REGION;
  }

  /** The bucket whose notifications go to a function: where reports are uploaded. */
  public String reportsBucket() {
    return reportsBucket;
  }

  public String table() {
    return table;
  }

  public List<String> functionNames() {
    return List.copyOf(functions.keySet());
  }

  /** The functions' names by their logical ids in the template. */
  public Map<String, String> functionsByLogicalId() {
    Map<String, String> names = new LinkedHashMap<>();
    functions.values().forEach(f -> names.put(f.spec().logicalId(), f.spec().name()));
    return names;
  }

  /** A function by its name, or null. */
  LocalFunction function(String name) {
    return functions.get(name);
  }

  public Map<String, String> queueUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    template.queues().values().forEach(q -> urls.put(q, queues.url(q)));
    return urls;
  }

  public boolean pageBuilt() {
    return pageBuilt;
  }

  /** Milliseconds from the call to start until every server and function was ready (samples not included). */
  public long startMillis() {
    return startMillis;
  }

  /** Waits until every asynchronous invocation accepted so far has finished (succeeded or given up). */
  public void awaitEvents(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pendingEvents() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pendingEvents() + " events still pending after " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Asynchronous invocations (S3 events) accepted and not yet finished. */
  public int pendingEvents() {
    return async == null ? 0 : async.inFlight();
  }

  @Override
  public void close() {
    // the event queue and the functions stop first, so that no handler works on against servers already gone
    // (what they did not finish stays in the event journal); then the rest, the latest started first
    List<AutoCloseable> order = new ArrayList<>();
    started.stream().filter(AsyncInvocations.class::isInstance).forEach(order::add);
    started.stream().filter(LocalFunction.class::isInstance).forEach(order::add);
    for (int i = started.size() - 1; i >= 0; i--) {
      if (!order.contains(started.get(i))) {
        order.add(started.get(i));
      }
    }
    for (AutoCloseable part : order) {
      try {
        part.close();
      } catch (Exception e) {
        options.log().accept("stopping " + part.getClass().getSimpleName() + ": " + e);
      }
    }
    started.clear();
    boolean owned = lockChannel != null && IN_USE.contains(lockedFolder) && startMillis > 0;
    if (owned) {
      StackInfo.remove(options.stateDir());
    }
    if (lockChannel != null) {
      try {
        lockChannel.close();
      } catch (IOException ignored) {
        // released with the process anyway
      }
    }
    if (lockedFolder != null) {
      IN_USE.remove(lockedFolder);
    }
    if (tempDynamo != null) {
      deleteTree(tempDynamo);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}

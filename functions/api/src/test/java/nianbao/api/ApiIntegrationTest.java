package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nianbao.core.json.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route through the real handler, with API Gateway payload 2.0 events, against DynamoDB Local and s3proxy;
 * the reports got there by upload to the bucket and the real ingest handler.
 */
class ApiIntegrationTest {
  static ApiStack stack;
  /** 新乡县人民政府, 2021 and 2022. */
  static String xinxiang2022;
  static String xinxiang2021;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void ingestTheSeeds() {
    stack = new ApiStack();
    for (String name : ApiStack.seedNames()) {
      stack.upload("uploads/" + name, ApiStack.seed(name));
    }
    // the same agency a year earlier, with every count one higher: the carry-over check (X2) has work to do
    stack.upload("uploads/新乡县 2021.txt", ApiStack.seedText(ApiStack.XINXIANG_2022)
        .replaceFirst("2022年政府信息公开", "2021年政府信息公开").getBytes(StandardCharsets.UTF_8));
    stack.upload("uploads/not-a-report.txt", "这不是年度报告。\n只有两行。\n".getBytes(StandardCharsets.UTF_8));
    for (JsonNode row : allRows("")) {
      if ("新乡县人民政府".equals(row.path("agency").asText())) {
        if (row.path("year").asInt() == 2022) {
          xinxiang2022 = row.path("id").asText();
        } else if (row.path("year").asInt() == 2021) {
          xinxiang2021 = row.path("id").asText();
        }
      }
    }
    assertNotNull(xinxiang2022);
    assertNotNull(xinxiang2021);
  }

  static List<JsonNode> allRows(String query) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      String target = "/reports?limit=2" + query + (cursor == null ? "" : "&cursor=" + ApiStack.enc(cursor));
      ApiStack.Call c = stack.get(target);
      assertEquals(200, c.status(), c.body());
      c.json().path("items").forEach(rows::add);
      cursor = c.json().path("cursor").isNull() ? null : c.json().path("cursor").asText();
      assertEquals(cursor != null, c.header("Link") != null);
    } while (cursor != null);
    return rows;
  }

  @Test
  void theListPagesThroughEveryReportNewestYearFirstWithoutRepeats() {
    List<JsonNode> rows = allRows("");
    assertEquals(7, rows.size());
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> assertTrue(ids.add(r.path("id").asText()), "repeated " + r));
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).path("year").asInt(0) >= rows.get(i).path("year").asInt(0), rows.toString());
    }
    assertEquals(1, rows.stream().filter(r -> r.path("status").asText().equals("REJECTED")).count());
  }

  @Test
  void filtersAreIndexQueriesAndAnswerWhatTheyNameIncludingChineseValues() {
    List<JsonNode> y2022 = allRows("&year=2022");
    assertFalse(y2022.isEmpty());
    y2022.forEach(r -> assertEquals(2022, r.path("year").asInt()));
    List<JsonNode> city = allRows("&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市"));
    assertFalse(city.isEmpty());
    city.forEach(r -> assertEquals("新乡市", r.path("city").asText()));
    List<JsonNode> agency = allRows("&agency=" + ApiStack.enc("新乡县"));
    assertEquals(Set.of(xinxiang2021, xinxiang2022), ids(agency));
    List<JsonNode> rejected = allRows("&status=REJECTED");
    assertEquals(1, rejected.size());
    List<JsonNode> all = allRows("");
    for (String rule : List.of("S2", "X2", "B1")) {
      Set<String> expected = new HashSet<>();
      for (JsonNode r : all) {
        JsonNode d = stack.get("/reports/" + r.path("id").asText()).json();
        if (d.path("findingsByRule").has(rule)) {
          expected.add(r.path("id").asText());
        }
      }
      assertEquals(expected, ids(allRows("&rule=" + rule)), rule);
    }
  }

  static Set<String> ids(List<JsonNode> rows) {
    Set<String> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  @Test
  void aReportIsItsFormatJsonWithStatusSourceAndCrossYearFindings() {
    ApiStack.Call c = stack.get("/reports/" + xinxiang2022);
    assertEquals(200, c.status(), c.body());
    JsonNode d = c.json();
    assertEquals(xinxiang2022, d.path("id").asText());
    assertEquals("新乡县人民政府", d.path("report").path("agency").asText());
    assertEquals(2022, d.path("report").path("year").asInt());
    assertEquals("uploads/" + ApiStack.XINXIANG_2022, d.path("upload").path("key").asText());
    // the body reads back as docs/FORMAT.md's report
    var report = ReportJson.read(d.path("report").toString());
    assertEquals(d.path("errors").asInt() > 0, report.hasErrors());
    // X2 against the 2021 report (same tables, so carriedForward(2021) ≠ carriedOver(2022) unless both equal)
    ApiStack.Call findings = stack.get("/reports/" + xinxiang2022 + "/findings");
    assertEquals(200, findings.status());
    assertEquals(d.path("report").path("findings").size(), findings.json().path("findings").size());
  }

  @Test
  void eachValueSaysWhereItWasReadAndTheSourceHoldsItThere() throws Exception {
    JsonNode report = stack.get("/reports/" + xinxiang2022).json().path("report");
    JsonNode evidence = report.path("evidence");
    JsonNode cell = evidence.path("三/newReceived/total");
    assertEquals("text", cell.path("kind").asText(), evidence.toString());
    long value = report.path("applications").path("rows").path("newReceived").get(6).asLong();
    // the page reads the source through its link given as JSON (a cross-origin redirect would drop its origin)
    ApiStack.Call link = stack.get("/reports/" + xinxiang2022 + "/source?redirect=false");
    assertEquals(200, link.status(), link.body());
    assertEquals(300, link.json().path("expiresInSeconds").asInt());
    String source = new String(HTTP.send(HttpRequest.newBuilder(URI.create(link.json().path("url").asText())).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(400, stack.get("/reports/" + xinxiang2022 + "/source?redirect=maybe").status());
    int offset = cell.path("offset").asInt();
    assertEquals(Long.toString(value), source.substring(offset, offset + cell.path("length").asInt()));
    int filled = 0;
    for (JsonNode row : report.path("applications").path("rows")) {
      for (JsonNode v : row) {
        filled += v.isNull() ? 0 : 1;
      }
    }
    int evidenceOfTableB = 0;
    for (var names = evidence.fieldNames(); names.hasNext(); ) {
      evidenceOfTableB += names.next().startsWith("三/") ? 1 : 0;
    }
    assertEquals(filled, evidenceOfTableB, "one evidence per filled cell of table B");
  }

  @Test
  void theSourceIsARedirectToAShortLivedLinkThatGivesTheUploadedBytes() throws Exception {
    ApiStack.Call c = stack.get("/reports/" + xinxiang2022 + "/source");
    assertEquals(302, c.status(), c.body());
    String location = c.header("Location");
    assertTrue(location.contains("X-Amz-Expires=300"), location);
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertArrayEquals(ApiStack.seed(ApiStack.XINXIANG_2022), file.body());
  }

  /**
   * Anyone can upload anything that is then rejected: its bytes go only to a signed-in caller (the source-link
   * route, behind the authorizer in AWS), always as an attachment of no type — never through the open route.
   */
  @Test
  void aRejectedUploadsBytesGoOnlyToASignedInCallerAsAnAttachment() throws Exception {
    String rejected = allRows("&status=REJECTED").get(0).path("id").asText();
    ApiStack.Call open = stack.get("/reports/" + rejected + "/source");
    assertEquals(401, open.status(), open.body());
    assertTrue(open.json().path("detail").asText().contains("source-link"), open.body());

    ApiStack guarded = new ApiStack(c -> c.withAuth(true, false));
    guarded.upload("uploads/anything.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    String junk = guarded.get("/reports?status=REJECTED").json().path("items").get(0).path("id").asText();
    assertEquals(401, guarded.get("/reports/" + junk + "/source-link").status());
    assertEquals(401, guarded.get("/reports/" + junk + "/source").status());
    ApiStack.Call link = guarded.call("GET", "/reports/" + junk + "/source-link", Map.of(), null,
        Map.of("sub", "reader-1", "cognito:groups", "[reader]"));
    assertEquals(200, link.status(), link.body());
    String url = link.json().path("url").asText();
    assertTrue(url.contains("response-content-type=application%2Foctet-stream"), url);
    assertTrue(url.contains("response-content-disposition=attachment"), url);
    HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertEquals("application/octet-stream", file.headers().firstValue("Content-Type").orElse(""));
    assertTrue(file.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
  }

  @Test
  void anAgencyShowsItsYearsTheCarryOverCheckAndACellByCellDiff() {
    String agencyKey = stack.get("/reports/" + xinxiang2022).json().path("agencyKey").asText();
    ApiStack.Call c = stack.get("/agencies/" + agencyKey + "/reports?from=2021&to=2022");
    assertEquals(200, c.status(), c.body());
    JsonNode a = c.json();
    assertEquals(2, a.path("years").size());
    assertEquals(2021, a.path("years").get(0).path("year").asInt());
    JsonNode later = a.path("years").get(1);
    assertFalse(later.path("carryOverConsistent").isNull());
    JsonNode diff = a.path("diff");
    assertEquals(2021, diff.path("from").asInt());
    // table B (25×7) and C (3×5) always, table A when the templates agree
    assertTrue(diff.path("cells").size() >= 25 * 7 + 15, diff.toString());
    // same tables both years: nothing changed
    assertEquals(0, diff.path("changed").asInt());
    // defaults: the latest two years
    assertEquals(c.json().path("diff"), stack.get("/agencies/" + agencyKey + "/reports").json().path("diff"));
    assertEquals(404, stack.get("/agencies/" + agencyKey + "/reports?from=2019&to=2022").status());
    assertEquals(404, stack.get("/agencies/0000000000000000/reports").status());
  }

  @Test
  void theSummaryAgreesWithTheListAndItsSharesAddUp() {
    JsonNode s = stack.get("/summary").json();
    assertEquals(7, s.path("reports").asInt());
    assertEquals(1, s.path("byStatus").path("REJECTED").asInt());
    List<JsonNode> rows = allRows("");
    long errors = rows.stream().filter(r -> r.path("status").asText().equals("HAS_ERRORS")).count();
    assertEquals(errors, s.path("byStatus").path("HAS_ERRORS").asLong());
    double shares = 0;
    for (JsonNode o : s.path("outcomes")) {
      shares += o.path("share").asDouble();
    }
    assertEquals(1.0, shares, 0.001);
    JsonNode y = stack.get("/summary?year=2022").json();
    assertEquals(allRows("&year=2022").size(), y.path("reports").asInt());
    JsonNode city = stack.get("/summary?year=2022&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市")).json();
    assertEquals(allRows("&year=2022&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市")).size(),
        city.path("reports").asInt());
    // sums of table B, total column, row newReceived: the sum over the reports of 2022
    long received = 0;
    for (JsonNode r : allRows("&year=2022")) {
      JsonNode cells = stack.get("/reports/" + r.path("id").asText()).json().path("report").path("applications")
          .path("rows").path("newReceived");
      received += cells.path(6).asLong(0);
    }
    assertEquals(received, y.path("applications").path("rows").path("newReceived").path(6).asLong());
  }

  @Test
  void theSummaryBreaksReportsDownByCityAsTheListDoes() {
    for (String scope : List.of("", "&year=2022", "&province=" + ApiStack.enc("河南省"))) {
      Map<String, Long> listed = new java.util.TreeMap<>();
      Map<String, Long> listedErrors = new java.util.TreeMap<>();
      for (JsonNode r : allRows(scope)) {
        if (!r.path("province").isTextual()) {
          continue;
        }
        String place = r.path("province").asText() + "/" + r.path("city").asText("");
        listed.merge(place, 1L, Long::sum);
        listedErrors.merge(place, r.path("status").asText().equals("HAS_ERRORS") ? 1L : 0L, Long::sum);
      }
      Map<String, Long> summed = new java.util.TreeMap<>();
      Map<String, Long> summedErrors = new java.util.TreeMap<>();
      long previous = Long.MAX_VALUE;
      for (JsonNode c : stack.get("/summary?" + scope.replaceFirst("^&", "")).json().path("byCity")) {
        String place = c.path("province").asText() + "/" + c.path("city").asText("");
        summed.put(place, c.path("reports").asLong());
        summedErrors.put(place, c.path("withErrors").asLong());
        assertTrue(c.path("reports").asLong() <= previous, "most reports first");
        previous = c.path("reports").asLong();
      }
      assertFalse(summed.isEmpty(), scope);
      assertEquals(listed, summed, scope);
      assertEquals(listedErrors, summedErrors, scope);
    }
  }

  @Test
  void readsCarryAnETagAndAreAnswered304WhenUnchanged() {
    ApiStack.Call first = stack.get("/reports/" + xinxiang2022);
    String etag = first.header("ETag");
    assertNotNull(etag);
    assertTrue(first.header("Cache-Control").contains("max-age"), first.headers().toString());
    ApiStack.Call again = stack.call("GET", "/reports/" + xinxiang2022, Map.of("If-None-Match", etag), null);
    assertEquals(304, again.status());
    assertEquals(etag, again.header("ETag"));
    assertNull(again.body());
    assertEquals("*", again.header("Access-Control-Allow-Origin"));
    assertEquals(200, stack.call("GET", "/summary", Map.of("If-None-Match", etag), null).status());
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    ApiStack.Call get = stack.get("/summary");
    ApiStack.Call head = stack.call("HEAD", "/summary", Map.of(), null);
    assertEquals(200, head.status());
    assertNull(head.body());
    assertEquals(get.header("ETag"), head.header("ETag"));
    assertEquals(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length), head.header("Content-Length"));
  }

  @Test
  void corsIsOnEveryAnswerAndPreflightsAreAnswered() {
    ApiStack.Call pre = stack.call("OPTIONS", "/uploads", Map.of("Origin", "https://site.example",
        "Access-Control-Request-Method", "POST"), null);
    assertEquals(204, pre.status());
    assertTrue(pre.header("Access-Control-Allow-Methods").contains("POST"));
    assertTrue(pre.header("Access-Control-Allow-Headers").contains("Authorization"));
    // a review write from the page sends If-Match (the revision it saw): the browser asks first
    ApiStack.Call review = stack.call("OPTIONS", "/reports/x-2022/findings/fp/review", Map.of("Origin",
        "https://site.example", "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
        "authorization,content-type,if-match"), null);
    assertEquals(204, review.status());
    assertTrue(review.header("Access-Control-Allow-Methods").contains("PUT"),
        review.header("Access-Control-Allow-Methods"));
    assertTrue(review.header("Access-Control-Allow-Headers").contains("If-Match"),
        review.header("Access-Control-Allow-Headers"));
    assertEquals("*", stack.get("/nowhere").header("Access-Control-Allow-Origin"));
    assertEquals("*", stack.get("/summary").header("Access-Control-Allow-Origin"));
  }

  @Test
  void exportsAreCsvWithABomOneRowPerReportAndPerFinding() {
    ApiStack.Call c = stack.get("/export/reports.csv?year=2022");
    assertEquals(200, c.status(), c.body());
    assertTrue(c.header("Content-Type").startsWith("text/csv"));
    assertTrue(c.body().startsWith("\uFEFF报告编号,机关,年度"), c.body().substring(0, 40));
    String[] lines = c.body().split("\r\n");
    assertEquals(1 + allRows("&year=2022").size(), lines.length);
    assertTrue(c.body().contains("新乡县人民政府"));
    ApiStack.Call f = stack.get("/export/findings.csv?agency=" + ApiStack.enc("新乡县"));
    assertEquals(200, f.status());
    int findings = 0;
    for (String id : List.of(xinxiang2021, xinxiang2022)) {
      findings += stack.get("/reports/" + id + "/findings").json().path("findings").size();
    }
    assertEquals(1 + findings, f.body().split("\r\n").length);
  }

  @Test
  void readingNotesAreCountedListedFilteredAndExportedApartFromWarnings() {
    // 新乡县 2022 prints 13 rows' totals alone (warnings) and its blank cells kept B2 from running (a reading note)
    JsonNode d = stack.get("/reports/" + xinxiang2022).json();
    List<String> severities = new ArrayList<>();
    d.path("report").path("findings").forEach(f -> severities.add(f.path("severity").asText()));
    int notes = (int) severities.stream().filter("note"::equals).count();
    int warnings = (int) severities.stream().filter("warning"::equals).count();
    assertTrue(notes >= 1 && warnings >= 13, severities.toString());
    assertEquals(List.of(warnings, notes), List.of(d.path("warnings").asInt(), d.path("notes").asInt()));
    assertEquals("VALID", d.path("status").asText(), "notes and warnings never make an error");
    JsonNode row = allRows("&agency=" + ApiStack.enc("新乡县")).stream()
        .filter(r -> r.path("id").asText().equals(xinxiang2022)).findFirst().orElseThrow();
    assertEquals(List.of(warnings, notes), List.of(row.path("warnings").asInt(), row.path("notes").asInt()));
    JsonNode byRule = allRows("&rule=S2").stream().filter(r -> r.path("id").asText().equals(xinxiang2022))
        .findFirst().orElseThrow();
    assertEquals(notes, byRule.path("notes").asInt());
    assertEquals(notes, stack.get("/reports/" + xinxiang2022 + "/versions").json().path("versions").get(0)
        .path("notes").asInt());

    JsonNode onlyNotes = stack.get("/reports/" + xinxiang2022 + "/findings?severity=note").json();
    assertEquals(notes, onlyNotes.path("findings").size());
    onlyNotes.path("findings").forEach(f -> assertEquals("note", f.path("severity").asText()));
    assertEquals(notes, onlyNotes.path("notes").asInt());
    assertEquals(warnings, stack.get("/reports/" + xinxiang2022 + "/findings?severity=warning").json()
        .path("findings").size());
    assertEquals(400, stack.get("/reports/" + xinxiang2022 + "/findings?severity=info").status());

    // the summary sums notes apart: over every report, the same as the reports' own counts
    int allNotes = 0;
    int allWarnings = 0;
    for (JsonNode r : allRows("")) {
      allNotes += r.path("notes").asInt();
      allWarnings += r.path("warnings").asInt();
    }
    JsonNode summary = stack.get("/summary").json();
    assertEquals(List.of(allWarnings, allNotes), List.of(summary.path("warnings").asInt(),
        summary.path("notes").asInt()));
    // every reading note is an S2 finding, and the rule counts say how many of S2's findings are notes
    assertEquals(allNotes, summary.path("notesByRule").path("S2").asInt());
    assertTrue(summary.path("findingsByRule").path("S2").asInt() >= allNotes);

    String reports = stack.get("/export/reports.csv?agency=" + ApiStack.enc("新乡县")).body();
    assertTrue(reports.startsWith("\uFEFF报告编号,机关,年度,省,市,县,状态,错误数,警告数,读取说明数,标题"), reports);
    assertTrue(reports.contains(xinxiang2022 + ",新乡县人民政府,2022,河南省,新乡市,新乡县,通过,0," + warnings + "," + notes
        + ","), reports);
    String[] noteLines = stack.get("/export/findings.csv?agency=" + ApiStack.enc("新乡县") + "&severity=note").body()
        .split("\r\n");
    int agencyNotes = 0;
    for (String id : List.of(xinxiang2021, xinxiang2022)) {
      agencyNotes += stack.get("/reports/" + id).json().path("notes").asInt();
    }
    assertEquals(1 + agencyNotes, noteLines.length);
    for (int i = 1; i < noteLines.length; i++) {
      assertTrue(noteLines[i].contains(",S2,读取说明,"), noteLines[i]);
    }
  }

  @Test
  void anExportTooLargeForOneResponseIsWrittenToTheExportBucketAndLinked() throws Exception {
    ApiStack small = new ApiStack(c -> c.withInlineExportBytes(300));
    small.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    ApiStack.Call c = small.get("/export/reports.csv");
    assertEquals(303, c.status(), c.body());
    String location = c.header("Location");
    assertTrue(location.contains("/" + small.exportBucket + "/exports/"), location);
    assertEquals(location, c.json().path("url").asText());
    HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, file.statusCode());
    assertTrue(file.body().startsWith("\uFEFF报告编号"));
    assertTrue(file.body().contains("新乡县人民政府"));
    // nothing but the upload in the reports bucket
    assertEquals(1, small.s3.listObjectsV2(r -> r.bucket(small.bucket)).contents().size());
  }

  @Test
  void anExportTooSlowForOneAnswerContinuesInTheBackgroundAndEndsAsALink() throws Exception {
    ApiStack.Held held = new ApiStack.Held();
    ApiStack slow = new ApiStack(c -> c.withExportTimeBudget(java.time.Duration.ZERO), held);
    slow.withSeeds();
    ApiStack.Call accepted = slow.get("/export/reports.csv?year=2022");
    assertEquals(202, accepted.status(), accepted.body());
    String job = accepted.header("Location");
    assertEquals("RUNNING", slow.get(job).json().path("status").asText());
    // as Lambda would run it: this function's own asynchronous invocation, its event through the serializer
    var answer = slow.invoke(ExportJobs.event(held.jobs.get(0)));
    assertEquals(200, answer.getStatusCode(), answer.getBody());
    ApiStack.Call done = slow.get(job);
    assertEquals(303, done.status(), done.body());
    HttpResponse<String> file = HTTP.send(HttpRequest.newBuilder(URI.create(done.header("Location"))).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, file.statusCode());
    // the same CSV as a request that had the time to read it
    ApiStack quick = new ApiStack();
    quick.withSeeds();
    String inline = quick.get("/export/reports.csv?year=2022").body();
    assertEquals(inline.split("\r\n").length, file.body().split("\r\n").length);
    assertEquals(inline.substring(0, inline.indexOf("\r\n")), file.body().substring(0, file.body().indexOf("\r\n")));
    // and nothing was written to the reports bucket
    assertTrue(slow.s3.listObjectsV2(r -> r.bucket(slow.bucket).prefix("exports/")).contents().isEmpty());
  }

  @Test
  void inLambdaTheJobIsASignedAsynchronousInvocationOfTheFunctionItself() throws Exception {
    // GIVEN Lambda's Invoke API on loopback, which delivers the event to the function as Lambda would
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<ApiStack> target = new java.util.concurrent.atomic.AtomicReference<>();
    var lambda = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    lambda.createContext("/", ex -> {
      String event = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
          + ex.getRequestHeaders().getFirst("X-Amz-Invocation-Type") + " "
          + ex.getRequestHeaders().getFirst("Authorization"));
      ex.sendResponseHeaders(202, -1);
      ex.close();
      target.get().invoke(event);
    });
    lambda.start();
    try {
      var creds = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
          software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
      ExportJobs jobs = ExportJobs.lambda(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
          creds, "us-east-1", URI.create("http://127.0.0.1:" + lambda.getAddress().getPort()), "nianbao-api");
      ApiStack slow = new ApiStack(c -> c.withExportTimeBudget(java.time.Duration.ZERO), jobs);
      target.set(slow);
      slow.upload("uploads/a.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
      // WHEN an export is too slow for its request
      ApiStack.Call accepted = slow.get("/export/findings.csv");
      // THEN the function invoked itself, signed for Lambda, and the job wrote the file
      assertEquals(202, accepted.status(), accepted.body());
      assertEquals(1, seen.size());
      assertTrue(seen.get(0).startsWith("POST /2015-03-31/functions/nianbao-api/invocations Event AWS4-HMAC-SHA256 "
          + "Credential=AKIDEXAMPLE/"), seen.get(0));
      assertTrue(seen.get(0).contains("/us-east-1/lambda/aws4_request"), seen.get(0));
      // Lambda runs the job after accepting it: poll as a client would
      long until = System.nanoTime() + 20_000_000_000L;
      ApiStack.Call status = slow.get(accepted.header("Location"));
      while (status.status() == 200 && System.nanoTime() < until) {
        assertEquals("RUNNING", status.json().path("status").asText(), status.body());
        Thread.sleep(50);
        status = slow.get(accepted.header("Location"));
      }
      assertEquals(303, status.status(), status.body());
    } finally {
      lambda.stop(0);
    }
  }

  @Test
  void anUploadIsAPresignedPutForExactlyItsSizeAndTypeThenItsStatusNamesTheReport() throws Exception {
    ApiStack stack = new ApiStack();
    byte[] bytes = ApiStack.seedText(ApiStack.XINXIANG_2022).replaceFirst("2022年政府信息公开", "2020年政府信息公开")
        .getBytes(StandardCharsets.UTF_8);
    String body = "{\"fileName\":\"新乡县 2020.txt\",\"contentType\":\"text/plain\",\"size\":" + bytes.length + "}";
    ApiStack.Call c = stack.call("POST", "/uploads", Map.of("Content-Type", "application/json"), body);
    assertEquals(200, c.status(), c.body());
    JsonNode u = c.json();
    String key = u.path("key").asText();
    assertTrue(key.startsWith("uploads/") && key.endsWith("/新乡县 2020.txt"), key);
    String url = u.path("url").asText();
    String signed = url.substring(url.indexOf("X-Amz-SignedHeaders=")).split("&")[0];
    assertTrue(signed.contains("content-length") && signed.contains("content-type"), signed);
    assertTrue(url.contains("X-Amz-Expires=900"), url);
    ApiStack.Call before = stack.get("/uploads/status?key=" + ApiStack.enc(key));
    assertEquals(404, before.status(), "issued, not yet uploaded: no such file (it is not PENDING for ever)");
    assertTrue(before.header("Content-Type").startsWith("application/problem+json"), before.header("Content-Type"));
    HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    u.path("headers").fields().forEachRemaining(h -> {
      if (!h.getKey().equalsIgnoreCase("content-length")) {
        put.header(h.getKey(), h.getValue().asText());
      }
    });
    assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    JsonNode status = stack.get("/uploads/status?key=" + ApiStack.enc(key)).json();
    assertEquals("INGESTED", status.path("state").asText(), status.toString());
    assertEquals(2020, status.path("year").asInt());
    assertEquals(200, stack.get(status.path("reportUrl").asText()).status());
  }

  @Test
  void deletingAReportRemovesItsShareOfTheSummariesAtOnceAndItsSourcesWhenPurged() {
    ApiStack own = new ApiStack();
    own.upload("uploads/x.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    own.upload("uploads/x.txt", (ApiStack.seedText(ApiStack.XINXIANG_2022) + "\n更正\n").getBytes(StandardCharsets.UTF_8));
    own.upload("uploads/y.txt", ApiStack.seed(ApiStack.seedNames().get(0)));
    String id = own.get("/reports?agency=" + ApiStack.enc("新乡县")).json().path("items").get(0).path("id").asText();
    assertEquals(2, own.get("/reports/" + id + "/versions").json().path("versions").size());
    assertEquals(2, own.get("/summary").json().path("reports").asInt());
    ApiStack.Call d = own.call("DELETE", "/reports/" + id, Map.of(), null);
    assertEquals(200, d.status(), d.body());
    assertTrue(d.json().path("deleted").asBoolean());
    assertEquals(0, d.json().path("sources").size(), "a soft delete: the sources stay for the retention period");
    assertEquals(404, own.get("/reports/" + id).status());
    assertEquals(1, own.get("/summary").json().path("reports").asInt());
    assertEquals(1, own.get("/reports").json().path("items").size());
    assertEquals(404, own.call("DELETE", "/reports/" + id, Map.of(), null).status());
    // once the retention period is over, the daily purge deletes every version of the source object
    ApiHandler later = ApiHandler.create(own.config, own.s3, own.presigner, own.dynamo,
        java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(31)));
    later.handleRequest(ApiStack.eventOf("{\"version\":\"2.0\",\"routeKey\":\"" + DeletionPurge.EVENT + "\"}"),
        null);
    assertTrue(own.s3.listObjectVersions(r -> r.bucket(own.bucket).prefix("uploads/x.txt")).versions().isEmpty());
    assertEquals(1, own.get("/summary").json().path("reports").asInt());
  }

  @Test
  void writesNeedTheAuthorizersPrincipalWhenAuthIsRequiredAndReadsDoNot() {
    ApiStack guarded = new ApiStack(c -> c.withAuth(true, false));
    String body = "{\"fileName\":\"a.pdf\",\"contentType\":\"application/pdf\",\"size\":1000}";
    ApiStack.Call anonymous = guarded.call("POST", "/uploads", Map.of("Content-Type", "application/json"), body);
    assertEquals(401, anonymous.status());
    assertEquals("Bearer", anonymous.header("WWW-Authenticate"));
    ApiStack.Call signedIn = guarded.call("POST", "/uploads", Map.of("Content-Type", "application/json"), body,
        Map.of("sub", "user-1", "email", "a@example.org", "cognito:groups", "[reviewer]"));
    assertEquals(200, signedIn.status(), signedIn.body());
    assertEquals(401, guarded.call("DELETE", "/reports/abc-2022", Map.of(), null).status());
    assertEquals(200, guarded.get("/summary").status());
    ApiStack closed = new ApiStack(c -> c.withAuth(true, true));
    assertEquals(401, closed.get("/summary").status());
    assertEquals(204, closed.call("OPTIONS", "/summary", Map.of("Origin", "https://x.example"), null).status());
  }
}

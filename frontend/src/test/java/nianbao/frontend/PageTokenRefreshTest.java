package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A token that stops being accepted in the middle of a review, as in AWS: the page signed in through a stand-in
 * hosted UI ({@link SiteServer}), the API on another origin behind a stand-in authorizer whose 401 carries no CORS
 * headers (the browser sees no answer at all). The page refreshes the token with its refresh token and sends the
 * write once more; when the refresh is refused it signs in again and comes back to the report it was on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageTokenRefreshTest extends PageSession {
  private String id;

  private void signInAndOpenTheReport() throws Exception {
    if (id == null) {
      Path file = new PageFiles(Files.createTempDirectory("refresh")).brokenB1();
      try (var s3 = stack.s3Client()) {
        s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + file.getFileName()),
            RequestBody.fromFile(file));
      }
      stack.awaitEvents(Duration.ofSeconds(120));
      id = api("/uploads/status?key=" + enc("uploads/" + file.getFileName())).path("reportId").asText();
      site.reset();
      site.proxy(stack.apiUrl(), json -> json);
      site.withSignInAcrossOrigins();
      browser.open(site.origin() + "/#/upload");
      browser.settled();
      browser.waitFor(".account button").click();
      browser.until(d -> now(".account").contains("已登录") ? true : null);
    }
    browser.open(site.origin() + "/#/reports/" + id);
    browser.settled();
    browser.waitFor("li.finding.sev-error.reviewable");
  }

  private List<String> errorFingerprints() {
    return browser.all("li.finding.sev-error.reviewable").stream().map(e -> e.getAttribute("data-fp")).toList();
  }

  @Test
  @Order(1)
  void aTokenRefusedMidReviewIsRefreshedAndTheWriteSentOnceMore() throws Exception {
    signInAndOpenTheReport();
    assertTrue(now("#findings-title").contains("错误 2"), now("#findings-title"));
    String fp = errorFingerprints().get(0);
    site.revokeTokens(); // the authorizer no longer takes the token the page holds (expired early, revoked)

    key(fp, "d");
    browser.waitFor("li[data-fp='" + fp + "'] input[name=reason]").sendKeys("表格读取有误，原文数字相符", Keys.ENTER);
    browser.until(d -> now("#findings-title").contains("错误 1") ? true : null);

    assertEquals(1, site.refreshes.get(), "one refresh");
    assertTrue(site.refusedForToken.get() >= 1, "the write was first refused for its token");
    String fresh = site.latestToken();
    assertNotEquals(SiteServer.TOKEN, fresh);
    assertEquals(List.of("PUT /reports/" + id + "/findings/" + fp + "/review Bearer " + fresh), site.writes,
        "the write reached the API once, with the refreshed token");
    assertEquals("dismissed", api("/reports/" + id + "/findings?severity=error").path("findings").findValues("review")
        .stream().filter(r -> r.path("state").asText().equals("dismissed")).findFirst().orElseThrow()
        .path("state").asText());
    assertTrue(browser.driver.getCurrentUrl().endsWith("/#/reports/" + id), "the user never left the report");
  }

  @Test
  @Order(2)
  void whenTheRefreshIsRefusedThePageSignsInAgainAndComesBackToTheSameReport() throws Exception {
    signInAndOpenTheReport();
    int signIns = site.signIns.get();
    String fp = errorFingerprints().get(1);
    site.revokeTokens();
    site.acceptRefresh(false); // the refresh token has expired too

    key(fp, "c");
    browser.waitFor("li[data-fp='" + fp + "'] input[name=reason]").sendKeys(Keys.ENTER);
    browser.until(d -> site.signIns.get() == signIns + 1 ? true : null);
    browser.settled();
    browser.until(d -> d.getCurrentUrl().endsWith("/#/reports/" + id) ? true : null);
    assertTrue(!browser.driver.getCurrentUrl().contains("code="), browser.driver.getCurrentUrl());
    browser.waitFor("li[data-fp='" + fp + "']");
    assertTrue(site.writes.stream().noneMatch(w -> w.contains(fp)), "nothing written with a refused token: "
        + site.writes);

    // signed in again, the same decision goes through at once
    site.acceptRefresh(true);
    key(fp, "c");
    browser.waitFor("li[data-fp='" + fp + "'] input[name=reason]").sendKeys(Keys.ENTER);
    browser.until(d -> now(".review-bar").contains("已审核") ? true : null);
    assertTrue(site.writes.get(site.writes.size() - 1).endsWith("Bearer " + site.latestToken()), site.writes.toString());
  }
}

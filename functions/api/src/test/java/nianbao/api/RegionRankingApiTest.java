package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nianbao.core.indicators.Indicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /rankings/regions}: the provinces of the country and the cities of a province ranked by errors and by
 * each indicator over their reports' sums, each region's figures equal to its summary's (and its reports'), through
 * the real handler on DynamoDB Local and s3proxy with the seeds ingested.
 */
class RegionRankingApiTest {
  static ApiStack stack;

  @BeforeAll
  static void ingestTheSeeds() {
    stack = new ApiStack().withSeeds();
  }

  @Test
  void theProvincesAreRankedByErrorsWithTheirReportsCountedAsTheirSummariesCountThem() {
    // 2022: the seeds of 河南省; 2021 and the others: 福建省's 平潭 too
    for (int year = 2019; year <= 2024; year++) {
      provincesOf(year);
    }
  }

  private static void provincesOf(int year) {
    JsonNode ranking = stack.get("/rankings/regions?year=" + year).json();
    assertEquals("provinces", ranking.path("of").asText());
    long reports = 0;
    long previous = Long.MAX_VALUE;
    for (JsonNode row : ranking.path("items")) {
      String province = row.path("province").asText();
      JsonNode summary = stack.get("/summary?year=" + year + "&province=" + ApiStack.enc(province)).json();
      assertEquals(summary.path("reports").asLong(), row.path("reports").asLong(), province);
      assertTrue(row.path("errors").asLong() <= previous, "most errors first: " + ranking);
      previous = row.path("errors").asLong();
      reports += row.path("reports").asLong();
    }
    assertEquals(ranking.path("total").path("reports").asLong(), reports, "every report in one province");
  }

  @Test
  void theCitiesOfAProvinceAndItsOwnAgenciesAddUpToTheProvince() {
    String henan = ApiStack.enc("河南省");
    JsonNode ranking = stack.get("/rankings/regions?year=2022&province=" + henan + "&by=errors&order=asc").json();
    assertEquals("cities", ranking.path("of").asText());
    long reports = 0;
    long errors = 0;
    long previous = -1;
    for (JsonNode row : ranking.path("items")) {
      assertEquals("河南省", row.path("province").asText());
      assertTrue(row.path("errors").asLong() >= previous, "fewest errors first: " + ranking);
      previous = row.path("errors").asLong();
      if (!row.path("ownAgencies").asBoolean()) {
        JsonNode city = stack.get("/summary?year=2022&province=" + henan + "&city="
            + ApiStack.enc(row.path("city").asText())).json();
        assertEquals(city.path("reports").asLong(), row.path("reports").asLong(), row.toString());
      }
      reports += row.path("reports").asLong();
      errors += row.path("errors").asLong();
    }
    assertEquals(ranking.path("total").path("reports").asLong(), reports);
    assertEquals(ranking.path("total").path("errors").asLong(), errors);
  }

  @Test
  void byAnIndicatorOnlyRegionsOverTenCasesAreRankedAndTheRestAreListedApart() {
    for (Indicator i : Indicator.values()) {
      JsonNode ranking = stack.get("/rankings/regions?year=2022&province=" + ApiStack.enc("河南省") + "&by="
          + i.code()).json();
      double previous = Double.MAX_VALUE;
      for (JsonNode row : ranking.path("items")) {
        assertTrue(row.path("denominator").asLong() >= Indicator.SMALL_BASE, row.toString());
        assertEquals(row.path("numerator").asDouble() / row.path("denominator").asDouble(),
            row.path("value").asDouble(), 1e-9);
        assertTrue(row.path("value").asDouble() <= previous);
        previous = row.path("value").asDouble();
      }
      for (JsonNode row : ranking.path("unranked")) {
        assertTrue(row.path("value").isNull() || row.path("smallBase").asBoolean(), row.toString());
        assertFalse(row.has("rank"));
      }
    }
  }

  @Test
  void aCityOrNoYearIsRefused() {
    assertEquals(400, stack.get("/rankings/regions?year=2022&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市")).status());
    assertEquals(400, stack.get("/rankings/regions").status());
  }
}

package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import nianbao.core.indicators.Indicator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /rankings/regions}: the provinces of the country, the cities of a province and the counties of a city
 * ranked by errors and by each indicator over their reports' sums, each region's figures equal to its summary's (and its reports'), through
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
  void theCountiesOfACityAndItsOwnAgenciesAddUpToTheCityEachAsItsReports() {
    String scope = "year=2022&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市");
    JsonNode ranking = stack.get("/rankings/regions?" + scope).json();
    assertEquals("counties", ranking.path("of").asText(), ranking.toString());
    assertEquals("新乡市", ranking.path("scope").path("city").asText());
    long reports = 0;
    long errors = 0;
    int counties = 0;
    for (JsonNode row : ranking.path("items")) {
      assertEquals("新乡市", row.path("city").asText(), row.toString());
      if (row.path("ownAgencies").asBoolean()) {
        assertTrue(row.path("county").isNull(), "市本级: " + row);
      } else {
        counties++;
        // a county's figures are its reports': as many as the list of that county holds
        JsonNode list = stack.get("/reports?" + scope + "&county=" + ApiStack.enc(row.path("county").asText())
            + "&limit=200").json();
        assertEquals(list.path("items").size(), row.path("reports").asLong(), row.toString());
        long listed = 0;
        for (JsonNode item : list.path("items")) {
          listed += item.path("errors").asLong();
        }
        assertEquals(listed, row.path("errors").asLong(), row.toString());
      }
      reports += row.path("reports").asLong();
      errors += row.path("errors").asLong();
    }
    assertTrue(counties >= 2, "the seeds have several counties of 新乡市: " + ranking);
    assertEquals(ranking.path("total").path("reports").asLong(), reports);
    assertEquals(ranking.path("total").path("errors").asLong(), errors);
    JsonNode city = stack.get("/summary?" + scope).json();
    assertEquals(city.path("reports").asLong(), reports, "the city's summary");
  }

  @Test
  void rebuildingTheSummariesBuildsTheCountiesOfTheReportsStored() {
    String scope = "year=2022&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市");
    String before = stack.get("/rankings/regions?" + scope).body();
    // the county items gone, as on a table written before they existed; the rebuild writes them again
    var dynamo = stack.dynamo;
    java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> counties =
        new java.util.ArrayList<>();
    dynamo.scanPaginator(r -> r.tableName(stack.table)).items().forEach(item -> {
      String pk = item.get("pk").s();
      if (pk.startsWith("SUM#") && pk.split("#", -1).length > 4) {
        counties.add(java.util.Map.of("pk", item.get("pk"), "sk", item.get("sk")));
      }
    });
    assertFalse(counties.isEmpty(), "the write path keeps county summaries");
    counties.forEach(key -> dynamo.deleteItem(d -> d.tableName(stack.table).key(key)));
    assertEquals(0, stack.get("/rankings/regions?" + scope).json().path("items").findValues("county").stream()
        .filter(c -> !c.isNull()).count(), "no county without its summary");
    new nianbao.store.SummaryRebuild(new nianbao.store.ReportStore(dynamo, stack.table)).run();
    assertEquals(before, stack.get("/rankings/regions?" + scope).body());
  }

  @Test
  void aCityWithoutItsProvinceOrNoYearIsRefused() {
    assertEquals(400, stack.get("/rankings/regions?year=2022&city=" + ApiStack.enc("新乡市")).status());
    assertEquals(400, stack.get("/rankings/regions").status());
  }
}

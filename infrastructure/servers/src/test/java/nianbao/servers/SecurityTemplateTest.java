package nianbao.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml as a security reviewer reads it (issue 17.11): what protects each bucket, route, function and
 * user, and what the parameters leave off by default. cfn-lint checks the template is valid; this checks it says
 * what the README's "Security" section promises.
 */
class SecurityTemplateTest {
  private final SamTemplate template = SamTemplate.read(ServersTest.TEMPLATE, Map.of(), "nianbao", "us-east-1");

  private String text(Object value) {
    return String.valueOf(value);
  }

  @Test
  void everyBucketRefusesRequestsWithoutTls() {
    Map<String, Map<String, Object>> policies = template.resources("AWS::S3::BucketPolicy");
    for (String bucket : template.resources("AWS::S3::Bucket").keySet()) {
      boolean tlsOnly = policies.keySet().stream().map(template::properties)
          .filter(p -> text(p.get("Bucket")).contains(bucket))
          .anyMatch(p -> {
            String doc = text(p.get("PolicyDocument"));
            return doc.contains("Effect=Deny") && doc.contains("aws:SecureTransport=false") && doc.contains(bucket);
          });
      assertTrue(tlsOnly, bucket + " has no policy denying requests without TLS");
    }
  }

  @Test
  void everyBucketButTheLogsOneAndTheSitesDistributionWriteAccessLogs() {
    for (String bucket : template.resources("AWS::S3::Bucket").keySet()) {
      if (bucket.equals("LogsBucket")) {
        continue;
      }
      Object logging = template.properties(bucket).get("LoggingConfiguration");
      assertTrue(text(logging).contains("LogsBucket"), bucket + " keeps no access log");
    }
    Map<?, ?> config = (Map<?, ?>) template.properties("SiteDistribution").get("DistributionConfig");
    assertTrue(text(config.get("Logging")).contains("LogsBucket"), "the distribution keeps no access log");
  }

  @Test
  void theApisOriginIsTheSitesOwnUnlessGivenAndNeverAnyByDefault() {
    assertNotEquals("*", template.parameters().get("AllowedOrigin"));
    Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) template.properties("ApiFunction").get("Environment")).get("Variables");
    assertTrue(text(env.get("ALLOWED_ORIGIN")).contains("SiteDistribution.DomainName"), text(env.get("ALLOWED_ORIGIN")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyRouteBehindTheAuthorizerIsThrottledApartFromTheReads() {
    Map<String, Object> stage = template.properties("ApiStage");
    Map<String, Object> settings = (Map<String, Object>) stage.get("RouteSettings");
    List<String> protectedRoutes = template.resources("AWS::ApiGatewayV2::Route").keySet().stream()
        .map(template::properties).filter(p -> "JWT".equals(p.get("AuthorizationType")))
        .map(p -> text(p.get("RouteKey"))).toList();
    assertFalse(protectedRoutes.isEmpty());
    for (String route : protectedRoutes) {
      assertTrue(settings != null && settings.containsKey(route), route + " has no throttling of its own");
      Map<String, Object> limits = (Map<String, Object>) settings.get(route);
      assertTrue(limits.containsKey("ThrottlingRateLimit") && limits.containsKey("ThrottlingBurstLimit"), route);
    }
  }

  @Test
  void concurrencyIsReservedOnlyByParameterAndOffByDefault() {
    for (String function : List.of("ApiFunction", "IngestFunction")) {
      String reserved = text(template.properties(function).get("ReservedConcurrentExecutions"));
      assertTrue(reserved.contains("Intrinsic[function=If"), function + ": " + reserved);
    }
    assertEquals("0", template.parameters().get("ApiReservedConcurrency"));
    assertEquals("0", template.parameters().get("IngestReservedConcurrency"));
  }

  @Test
  void aRateRuleGuardsTheSiteByParameter() {
    Map<String, Object> acl = template.resources().get("SiteWebAcl");
    assertEquals("WafOn", acl.get("Condition"));
    String rules = text(template.properties("SiteWebAcl").get("Rules"));
    assertTrue(rules.contains("RateBasedStatement") && rules.contains("AggregateKeyType=IP"), rules);
    Map<?, ?> config = (Map<?, ?>) template.properties("SiteDistribution").get("DistributionConfig");
    assertTrue(text(config.get("WebACLId")).contains("SiteWebAcl"), "the rule is attached to the distribution");
  }

  @Test
  void thePagesPolicyNamesTheOriginsItTalksToAndAllowsNoInlineStyleOrScript() {
    Map<?, ?> config = (Map<?, ?>) template.properties("SiteHeaders").get("ResponseHeadersPolicyConfig");
    Map<?, ?> security = (Map<?, ?>) config.get("SecurityHeadersConfig");
    String csp = template.resolveString(((Map<?, ?>) security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"));
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertFalse(csp.contains("*."), "no wildcard origins: " + csp);
    String connect = csp.substring(csp.indexOf("connect-src"), csp.indexOf(';', csp.indexOf("connect-src")));
    assertTrue(connect.contains(".execute-api.us-east-1.amazonaws.com"), connect);
    assertTrue(connect.contains("nianbao-reports-000000000000.s3."), connect);
    assertTrue(connect.contains(".auth.us-east-1.amazoncognito.com"), connect);
  }

  @Test
  void onItsOwnDomainThePageNeedsTls12() {
    Map<?, ?> config = (Map<?, ?>) template.properties("SiteDistribution").get("DistributionConfig");
    String certificate = text(config.get("ViewerCertificate"));
    assertTrue(certificate.contains("CustomDomain") && certificate.contains("MinimumProtocolVersion=TLSv1.2_2021"),
        certificate);
  }

  @Test
  void theUsersOutliveTheStackAndMayBeAskedForASecondFactor() {
    Map<String, Object> pool = template.resources().get("UserPool");
    assertEquals("Retain", pool.get("DeletionPolicy"));
    assertEquals("Retain", pool.get("UpdateReplacePolicy"));
    assertTrue(text(template.properties("UserPool").get("MfaConfiguration")).contains("SignInMfa"));
    assertEquals("OFF", template.parameters().get("SignInMfa"));
  }
}

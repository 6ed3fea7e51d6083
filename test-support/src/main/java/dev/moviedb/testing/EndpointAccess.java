package dev.moviedb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;

/**
 * The access table of a service, tested: every endpoint the running application publishes in its
 * OpenAPI document must have a row (an endpoint nobody classified fails the test by name), and each
 * row is called by four callers, anonymous, another user, the owner and an admin, with real tokens
 * of the {@link TestIssuer}. What each caller must get:
 *
 * <table>
 *   <caption>expected answers</caption>
 *   <tr><th>rule</th><th>anonymous</th><th>other user</th><th>owner</th><th>admin</th></tr>
 *   <tr><td>{@link Rule#ANYONE}</td><td>answered</td><td>answered</td><td>answered</td>
 *   <td>answered</td></tr>
 *   <tr><td>{@link Rule#USER}</td><td>401</td><td>403</td><td>answered</td><td>answered</td></tr>
 *   <tr><td>{@link Rule#ADMIN}</td><td>401</td><td>403</td><td>403</td><td>answered</td></tr>
 * </table>
 *
 * "Answered" is any status below 500 other than 401 and 403 (the request may still be invalid: the
 * point is that access let it through). Every 401 and 403 must be a problem document; a 401 also
 * carries {@code WWW-Authenticate: Bearer}. Paths use {@link #OWNER} for {@code {userId}}.
 */
public final class EndpointAccess {

  /** Who may call an endpoint. */
  public enum Rule {
    /** Anyone, with or without a token. */
    ANYONE,
    /** The user the request names (a {@code userId}), or an admin. */
    USER,
    /** Admins only. */
    ADMIN
  }

  /** The four callers of every row. */
  public enum Caller {
    ANONYMOUS,
    OTHER_USER,
    OWNER,
    ADMIN
  }

  /** The user every row's request is about. */
  public static final String OWNER = "anna";

  /** A user who is not {@link #OWNER}. */
  public static final String OTHER_USER = "bert";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final List<Row> rows = new ArrayList<>();
  private final Set<String> extraAnonymous = new TreeSet<>();

  private EndpointAccess(URI base) {
    this.base = base;
  }

  /** The table of the application at {@code base} (e.g. {@code @TestHTTPResource("/")}). */
  public static EndpointAccess of(URI base) {
    return new EndpointAccess(base);
  }

  /**
   * One row: {@code "METHOD /path/{template}"} as in the OpenAPI document, its rule, and the
   * request to send (a query string, a body and its type; for POST and PUT without a body given,
   * {@code {}} as JSON).
   */
  public record Row(
      String endpoint, Rule rule, String query, String contentType, String body, String note) {

    String method() {
      return endpoint.substring(0, endpoint.indexOf(' '));
    }

    String template() {
      return endpoint.substring(endpoint.indexOf(' ') + 1);
    }

    String label() {
      return endpoint + (query == null ? "" : "?" + query);
    }
  }

  public EndpointAccess row(String endpoint, Rule rule) {
    return row(endpoint, rule, null);
  }

  public EndpointAccess row(String endpoint, Rule rule, String query) {
    return row(endpoint, rule, query, null, null);
  }

  public EndpointAccess row(
      String endpoint, Rule rule, String query, String contentType, String body) {
    rows.add(new Row(endpoint, rule, query, contentType, body, null));
    return this;
  }

  /** Also checks paths outside the OpenAPI document that must stay anonymous (health...). */
  public EndpointAccess anonymous(String... paths) {
    extraAnonymous.addAll(List.of(paths));
    return this;
  }

  /** The dynamic tests: the classification first, then every row for every caller. */
  public List<DynamicTest> tests() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest("every endpoint is classified", this::everyEndpointClassified));
    for (Row row : rows) {
      for (Caller caller : Caller.values()) {
        tests.add(
            DynamicTest.dynamicTest(
                row.label() + " by " + caller.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                () -> check(row, caller)));
      }
    }
    for (String path : extraAnonymous) {
      tests.add(
          DynamicTest.dynamicTest(
              "GET " + path + " by anonymous",
              () -> {
                HttpResponse<String> r = send("GET", path, null, null, null);
                assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
              }));
    }
    return tests;
  }

  private void everyEndpointClassified() throws IOException, InterruptedException {
    Set<String> published = publishedEndpoints();
    Set<String> classified = rows.stream().map(Row::endpoint).collect(Collectors.toSet());
    Set<String> unclassified = new TreeSet<>(published);
    unclassified.removeAll(classified);
    Set<String> unknown = new TreeSet<>(classified);
    unknown.removeAll(published);
    assertThat(unclassified)
        .as(
            "endpoints in the OpenAPI document with no row in the access table: classify them"
                + " (ANYONE, USER or ADMIN) in the table and with an annotation on the resource")
        .isEmpty();
    assertThat(unknown).as("rows for endpoints the application does not publish").isEmpty();
  }

  /** {@code METHOD /path} of every operation under {@code /v1} in {@code /q/openapi}. */
  Set<String> publishedEndpoints() throws IOException, InterruptedException {
    HttpResponse<String> r = send("GET", "/q/openapi?format=json", null, null, null);
    assertThat(r.statusCode()).as("the OpenAPI document").isEqualTo(200);
    JsonNode paths = JSON.readTree(r.body()).path("paths");
    Set<String> endpoints = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> path = it.next();
      if (!path.getKey().startsWith("/v1")) {
        continue;
      }
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              m -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(m)) {
                  endpoints.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
              });
    }
    return endpoints;
  }

  private void check(Row row, Caller caller) throws IOException, InterruptedException {
    String path = row.template().replace("{userId}", OWNER);
    path = path.replaceAll("\\{[^}]+}", "x");
    if (row.query() != null) {
      path += "?" + row.query().replace("{userId}", OWNER);
    }
    String authorization =
        switch (caller) {
          case ANONYMOUS -> null;
          case OTHER_USER -> TestIssuer.bearer(OTHER_USER);
          case OWNER -> TestIssuer.bearer(OWNER);
          case ADMIN -> TestIssuer.bearerAdmin();
        };
    String method = row.method();
    String contentType = row.contentType();
    String body = row.body();
    if (body == null && (method.equals("POST") || method.equals("PUT"))) {
      contentType = "application/json";
      body = "{}";
    }
    HttpResponse<String> r = send(method, path, authorization, contentType, body);
    String what = method + " " + path + " by " + caller + ": " + r.statusCode() + " " + r.body();
    Integer expected = expected(row.rule(), caller);
    if (expected == null) {
      assertThat(r.statusCode()).as(what).isNotIn(401, 403).isLessThan(500);
      return;
    }
    assertThat(r.statusCode()).as(what).isEqualTo(expected);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/problem+json");
    if (expected == 401) {
      assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
          .as(what)
          .startsWith("Bearer");
    }
  }

  /** The refusal a caller must get, or null when access must let the request through. */
  static Integer expected(Rule rule, Caller caller) {
    return switch (rule) {
      case ANYONE -> null;
      case USER ->
          switch (caller) {
            case ANONYMOUS -> 401;
            case OTHER_USER -> 403;
            case OWNER, ADMIN -> null;
          };
      case ADMIN ->
          switch (caller) {
            case ANONYMOUS -> 401;
            case OTHER_USER, OWNER -> 403;
            case ADMIN -> null;
          };
    };
  }

  private HttpResponse<String> send(
      String method, String path, String authorization, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The rows, for a test that wants to print its table. */
  public Map<String, Rule> table() {
    Map<String, Rule> table = new LinkedHashMap<>();
    rows.forEach(r -> table.put(r.label(), r.rule()));
    return table;
  }
}

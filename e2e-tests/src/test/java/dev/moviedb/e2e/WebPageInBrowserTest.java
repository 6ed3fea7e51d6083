package dev.moviedb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.e2e.MoviedbScript.Run;
import dev.moviedb.infra.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page as a person uses it, in a real browser (Debian's chromium, headless, through its
 * chromedriver) against the local stack started by {@code bin/moviedb up}: they type a request and
 * see The Last Kingdom, sign in, upload the sample history, get personal results that say why, like
 * one, switch to Dutch and erase their data; keyboard use and labels are checked on the way. Every
 * step leaves a screenshot in {@code target/browser-screenshots/}. Without {@code
 * /usr/bin/chromium} and {@code /usr/bin/chromedriver} (CI installs both with apt) the test is
 * skipped, saying so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageInBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1280,1600",
          "--lang=en-GB");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String USER = "wendy";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path ROOT = Path.of(System.getProperty("moviedb.project-root", ".."));
  private static final Path SHOTS = Path.of("target/browser-screenshots").toAbsolutePath();

  private static Path home;
  private static Map<String, String> env;
  private static String page;
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void startStackAndBrowser() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: the browser test needs Debian's chromium and chromium-driver"
            + " (/usr/bin/chromium, /usr/bin/chromedriver); .ci/run installs them:"
            + " apt-get install chromium chromium-driver");
    home = ROOT.resolve("e2e-tests/target/web-stack").toAbsolutePath();
    deleteRecursively(home);
    deleteRecursively(SHOTS);
    Files.createDirectories(SHOTS);
    int recommendPort = FreePorts.next();
    env =
        Map.of(
            "MOVIEDB_HOME", home.toString(),
            "MOVIEDB_KAFKA_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_REDIS_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_RECOMMEND_PORT", String.valueOf(recommendPort),
            "MOVIEDB_CATALOG_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_WORKER_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_TASTE_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_SIGNALS_PORT", String.valueOf(FreePorts.next()),
            "MOVIEDB_REEMBED_PORT", String.valueOf(FreePorts.next()));
    page = "http://localhost:" + recommendPort + "/";
    Run up = moviedb("up");
    assertThat(up.exitCode()).as(up.output()).isZero();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterAll
  static void stopBrowserAndStack() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (env == null) {
      return;
    }
    Run down = moviedb("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    Process survivors =
        new ProcessBuilder("pgrep", "-f", home.toString() + "/").redirectErrorStream(true).start();
    String left = new String(survivors.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    survivors.waitFor(10, TimeUnit.SECONDS);
    assertThat(left.strip()).as("processes left behind by bin/moviedb down").isEmpty();
  }

  @Test
  @Order(1)
  void typedRequest_showsTheLastKingdom_withWhyAndWhere() {
    browser.get(page);
    WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    assertThat(browser.findElement(By.id("sign-out")).isDisplayed())
        .as("signing out before signing in")
        .isFalse();
    assertThat(q.getDomAttribute("type")).isEqualTo("search");
    assertThat(q.getDomAttribute("name")).isEqualTo("q");
    q.sendKeys("a series where King Alfred confronts the vikings", Keys.ENTER);

    wait.until(d -> titles().size() >= 3);
    shot("01-search-king-alfred");
    assertThat(titles().subList(0, 3)).contains("The Last Kingdom");
    WebElement card = card("The Last Kingdom");
    assertThat(card.getText()).contains("Where to watch").contains("netflix NL");
    assertThat(card.findElements(By.cssSelector("dl.scores dd"))).isNotEmpty();
    assertThat(browser.findElement(By.id("understood")).isDisplayed()).isTrue();
  }

  @Test
  @Order(2)
  void everyControl_hasALabel_andTheKeyboardReachesTheCards() {
    @SuppressWarnings("unchecked")
    List<String> unlabelled =
        (List<String>)
            js(
                "return [...document.querySelectorAll('input, select, textarea, button')]"
                    + ".filter(e => !e.closest('[hidden]') && !e.closest('dialog'))"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                    + " && !e.textContent.trim())"
                    + ".map(e => e.outerHTML.slice(0, 80));");
    assertThat(unlabelled).as("controls without a label").isEmpty();

    WebElement q = browser.findElement(By.id("q"));
    q.click();
    q.sendKeys(Keys.TAB);
    assertThat(focusedId()).isEqualTo("search-button");
    // From the results heading, the keyboard reaches the first card's link and its buttons.
    js("document.getElementById('results-heading').focus();");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement first = browser.switchTo().activeElement();
    assertThat(first.getText()).isEqualTo(titles().get(0));
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      reached.add(browser.switchTo().activeElement().getText());
    }
    assertThat(reached).containsExactly("More like this", "Like", "Dislike");
  }

  @Test
  @Order(3)
  void moreLikeThis_listsTitlesLikeTheOneChosen() {
    WebElement card = card("The Last Kingdom");
    card.findElement(By.xpath(".//button[normalize-space()='More like this']")).click();
    wait.until(ExpectedConditions.textToBe(By.id("results-heading"), "More like The Last Kingdom"));
    wait.until(d -> !titles().isEmpty());
    shot("02-more-like-the-last-kingdom");
    assertThat(titles()).doesNotContain("The Last Kingdom");
  }

  @Test
  @Order(4)
  void signIn_uploadTheSampleHistory_showsTheReportAndTheTaste() {
    WebElement user = browser.findElement(By.id("user"));
    user.sendKeys(USER, Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
    assertThat(browser.findElement(By.id("signed-in-as")).getText()).contains(USER);
    assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();

    Path history = Path.of("src/test/resources/NetflixViewingHistory.csv").toAbsolutePath();
    browser.findElement(By.id("export-file")).sendKeys(history.toString());
    browser.findElement(By.cssSelector("#upload button[type=submit]")).click();
    WebElement report = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    assertThat(report.getText()).contains("Rows read").contains("Views and ratings kept");
    assertThat(
            browser.findElement(By.id("upload-progress")).getDomProperty("value").split("\\.")[0])
        .isEqualTo("100");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("taste"), "The Last Kingdom"));
    shot("03-signed-in-history-uploaded");
  }

  @Test
  @Order(5)
  void personalResults_sayWhichWatchedTitlesTheyComeFrom() {
    WebElement q = browser.findElement(By.id("q"));
    q.clear();
    q.sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.id("results-heading"), "For you"));
    wait.until(
        d ->
            !titles().isEmpty()
                && browser.findElement(By.id("results")).getText().contains("Because you liked"));
    shot("04-for-you");
    assertThat(titles()).doesNotContain("The Last Kingdom", "Vikings");
    assertThat(browser.findElement(By.id("results")).getText())
        .containsAnyOf("The Last Kingdom", "Vikings");
  }

  @Test
  @Order(6)
  void like_becomesTaste_andIsCountedForTheVariant() throws Exception {
    WebElement first = browser.findElements(By.cssSelector("#results > li")).get(0);
    String title = first.findElement(By.tagName("h3")).getText();
    WebElement like = first.findElement(By.cssSelector("button.like"));
    like.sendKeys(Keys.ENTER); // by keyboard
    wait.until(ExpectedConditions.attributeToBe(like, "aria-pressed", "true"));

    // The like travels user.feedback -> taste-profile-service -> user.watch-events -> the taste.
    wait.until(
        d -> {
          browser.findElement(By.id("refresh-taste")).click();
          return browser.findElement(By.id("taste")).getText().contains("LIKED");
        });
    shot("05-liked-" + title.replaceAll("[^A-Za-z0-9]+", "-"));

    JsonNode acceptance = null;
    for (int i = 0; i < 120; i++) {
      acceptance = acceptance();
      if (likes(acceptance) >= 1) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(likes(acceptance)).as(String.valueOf(acceptance)).isEqualTo(1);
    long impressions = 0;
    for (JsonNode v : acceptance.get("variants")) {
      impressions += v.get("impressions").asLong();
    }
    assertThat(impressions).as("cards seen on the page").isPositive();
  }

  @Test
  @Order(7)
  void dutch_isOneChoiceAway() {
    new Select(browser.findElement(By.id("language"))).selectByValue("nl");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "nl"));
    assertThat(browser.findElement(By.id("search-heading")).getText())
        .isNotEqualTo("What would you like to watch?");
    shot("06-nederlands");
    new Select(browser.findElement(By.id("language"))).selectByValue("en");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
  }

  @Test
  @Order(8)
  void erase_removesEverythingAboutTheUser() throws Exception {
    browser.findElement(By.id("erase-data")).click();
    WebElement confirm =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("erase-confirmed")));
    shot("07-erase-confirm");
    confirm.click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("taste"), "Your data is erased"));
    browser.findElement(By.id("refresh-taste")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("taste"), "Nothing is known about your taste yet"));
    shot("08-erased");
    assertThat(browser.findElement(By.id("alert")).isDisplayed()).isFalse();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static List<String> titles() {
    return browser.findElements(By.cssSelector("#results > li h3")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static WebElement card(String title) {
    return browser.findElements(By.cssSelector("#results > li")).stream()
        .filter(c -> c.findElement(By.tagName("h3")).getText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError(title + " is not among " + titles()));
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static String focusedId() {
    return browser.switchTo().activeElement().getDomAttribute("id");
  }

  private static void shot(String name) {
    try {
      Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long likes(JsonNode acceptance) {
    long likes = 0;
    for (JsonNode v : acceptance.get("variants")) {
      likes += v.get("likes").asLong();
    }
    return likes;
  }

  /** The operator's report, with an admin token of the local issuer. */
  private static JsonNode acceptance() throws IOException, InterruptedException {
    Run token = moviedb("token", "operator", "--admin");
    assertThat(token.exitCode()).as(token.output()).isZero();
    String[] lines = token.output().strip().split("\\R");
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(page + "v1/metrics/acceptance"))
                .header("Authorization", "Bearer " + lines[lines.length - 1].strip())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static Run moviedb(String... args) throws IOException, InterruptedException {
    return MoviedbScript.run(ROOT, env, args);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    MoviedbScript.deleteRecursively(dir);
  }
}

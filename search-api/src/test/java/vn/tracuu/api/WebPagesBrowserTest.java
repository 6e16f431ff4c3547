package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff page and the public news page in a real headless Chromium, against the real server over
 * an index of samples/ (the shared {@link TestServer}). Uses Debian's {@code chromium} and {@code
 * chromedriver} at fixed paths, so nothing is downloaded; skipped with a message when they are not
 * installed. Screenshots of the main pages go to {@code target/screenshots/}.
 */
class WebPagesBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static TestServer api;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static Path screenshots;
  private static Path downloads;
  private static List<SampleArchive.Item> manifest;

  /**
   * Why the tests are skipped on a machine without the browser. Checked before each test, not in
   * {@code @BeforeAll}: an assumption there reports no tests at all instead of each one skipped.
   */
  private static final String NO_BROWSER =
      "browser tests skipped: needs "
          + CHROMIUM
          + " and "
          + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver)";

  @BeforeAll
  static void startBrowser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      return; // each test is skipped with NO_BROWSER
    }
    api = TestServer.get();
    manifest = SampleArchive.manifest();
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    screenshots = Files.createDirectories(target.resolve("screenshots"));
    downloads = Files.createDirectories(target.resolve("browser-downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=vi",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    // Chrome's network log: which URLs each page requested (the public page must call only
    // /api/news).
    options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
    // The driver is given explicitly, so Selenium Manager is never asked to find or fetch one.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            // Vietnamese browser locale: date inputs then show dd/mm/yyyy, as staff see them.
            .withEnvironment(Map.of("LANGUAGE", "vi", "LANG", "vi_VN.UTF-8"))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshTab() {
    Assumptions.assumeTrue(browser != null, NO_BROWSER);
    browser.manage().window().setSize(new Dimension(1280, 1000));
    open("/");
    js("sessionStorage.clear()");
    open("/");
  }

  // ---- helpers ----

  private static String base() {
    return "http://127.0.0.1:" + api.server.port();
  }

  private static void open(String path) {
    browser.get(base() + path);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  private static void screenshot(String name) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static String statusAfterSearch() {
    wait.until(
        d -> {
          String text = byId("status").getText();
          return !text.isEmpty() && !text.startsWith("Đang tìm");
        });
    return byId("status").getText();
  }

  private static void signIn() {
    byId("user").sendKeys(TestServer.USER);
    byId("password").sendKeys(TestServer.PASSWORD, Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
  }

  /** Runs the search form: q typed, and optionally one day typed as dd/mm/yyyy. */
  private static String search(String q, String day) {
    WebElement box = byId("q");
    box.clear();
    box.sendKeys(q);
    if (day != null) {
      browser.findElement(By.cssSelector("input[name=when][value=day]")).click();
      byId("date").clear();
      byId("date").sendKeys(day);
    }
    // The submit handler sets "Đang tìm…" before it returns, so the status read next is new.
    byId("search").findElement(By.cssSelector("button[type=submit]")).click();
    return statusAfterSearch();
  }

  /** Read in one script, so a list being redrawn meanwhile cannot leave stale elements. */
  @SuppressWarnings("unchecked")
  private static List<String> texts(String selector, String expression) {
    return (List<String>)
        js(
            "return [...document.querySelectorAll(arguments[0])].map(e => " + expression + ")",
            selector);
  }

  private static List<String> resultTitles() {
    return texts("#results .hit-title a", "e.textContent");
  }

  private static Set<String> resultIds() {
    return new TreeSet<>(texts("#results .hit-title a", "e.dataset.id"));
  }

  /** Ids of the manifest's items of {@code day} (the samples have no attachment that day). */
  private static Set<String> expectedIds(String day, boolean mentionsOnly) {
    return manifest.stream()
        .filter(item -> item.date().equals(day) && (!mentionsOnly || item.mentionsCqdt()))
        .map(SampleArchive.Item::key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  // ---- the staff page ----

  @Test
  void signInAndOut() throws Exception {
    assertTrue(byId("status").getText().contains("Đăng nhập"), byId("status").getText());
    assertFalse(byId("signout").isDisplayed());

    byId("user").sendKeys(TestServer.USER);
    byId("password").sendKeys("sai mật khẩu", Keys.ENTER);
    wait.until(d -> byId("signin-status").getText().contains("Sai tên đăng nhập hoặc mật khẩu"));
    assertFalse(byId("signout").isDisplayed());

    byId("user").clear();
    signIn();
    assertEquals("Đã đăng nhập: " + TestServer.USER, byId("who").getText());
    // Signed in, the page lists the newest records right away.
    assertTrue(statusAfterSearch().startsWith("Tìm thấy " + manifest.size() + " kết quả"));
    assertEquals(10, resultTitles().size());
    screenshot("staff-signed-in");

    byId("signout").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
    assertEquals(List.of(), resultTitles());
    assertEquals("Đã đăng xuất.", byId("signin-status").getText());
    assertEquals(null, js("return sessionStorage.getItem('tracuu.auth')"));
    // Signed out, a search asks to sign in instead of showing anything.
    byId("q").sendKeys("chính quyền điện tử", Keys.ENTER);
    wait.until(d -> byId("status").getText().contains("Đăng nhập để tra cứu"));
    assertEquals(List.of(), resultTitles());
  }

  @Test
  void searchWithAndWithoutDiacriticsOnOneDay() throws Exception {
    signIn();
    Set<String> expected = expectedIds("2019-08-19", true);
    String status = search("\"chính quyền điện tử\"", "19/8/2019");
    assertTrue(status.startsWith("Tìm thấy " + expected.size() + " kết quả"), status);
    assertEquals(expected, resultIds());
    assertTrue(browser.getCurrentUrl().contains("date=2019-08-19"), browser.getCurrentUrl());
    for (WebElement meta : browser.findElements(By.cssSelector("#results .hit > .meta"))) {
      if (!meta.getText().startsWith("Đính kèm thư")) {
        assertTrue(meta.getText().startsWith("19/08/2019"), meta.getText());
      }
    }
    List<WebElement> marks = browser.findElements(By.cssSelector("#results .snippet mark"));
    assertFalse(marks.isEmpty(), "matches are highlighted");
    for (String snippet : texts("#results .snippet", "e.textContent")) {
      assertFalse(snippet.contains("&#") || snippet.contains("&amp;"), snippet);
    }
    screenshot("staff-results");

    String folded = search("\"chinh quyen dien tu\"", "19/08/2019");
    assertTrue(folded.startsWith("Tìm thấy " + expected.size() + " kết quả"), folded);
    assertEquals(expected, resultIds());
    assertFalse(browser.findElements(By.cssSelector("#results .snippet mark")).isEmpty());

    assertEquals("19/08/2019", byId("date").getAttribute("value"), "the day is shown dd/mm/yyyy");

    // A day that does not exist is refused on the page, with the reason, before any request.
    String impossible = search("x", "30/02/2019");
    assertTrue(impossible.startsWith("Ngày không hợp lệ: 30/02/2019"), impossible);
    assertEquals("true", byId("date").getAttribute("aria-invalid"));

    // One day, any words: exactly that day's records, each with its Vietnamese date.
    String day = search("", "19-8-2019");
    assertTrue(
        day.startsWith("Tìm thấy " + expectedIds("2019-08-19", false).size() + " kết quả"), day);
  }

  @Test
  void snippetsBecomeTextAndMarksOnly() {
    @SuppressWarnings("unchecked")
    Map<String, Object> out =
        (Map<String, Object>)
            js(
                "const p = tracuu.appendSnippet(document.createElement('p'), arguments[0]);"
                    + "return {elements: [...p.querySelectorAll('*')].map(e => e.tagName),"
                    + " text: p.textContent, marked: [...p.querySelectorAll('mark')]"
                    + ".map(m => m.textContent)};",
                "&lt;b&gt;s&#x1ED1;&lt;/b&gt; 19&#x2F;8 <mark>quyết định</mark> <img src=x"
                    + " onerror=alert(1)> &amp;lt; &bogus;");
    assertEquals(List.of("MARK"), out.get("elements"));
    assertEquals(List.of("quyết định"), out.get("marked"));
    assertEquals(
        "<b>số</b> 19/8 quyết định <img src=x onerror=alert(1)> &lt; &bogus;", out.get("text"));
  }

  @Test
  void facetsNarrowTheResults() {
    signIn();
    search("chính quyền điện tử", null);
    WebElement news =
        browser.findElement(
            By.xpath("//section[@class='facet']//button[starts-with(@aria-label,'Loại Tin tức')]"));
    news.click();
    wait.until(d -> d.getCurrentUrl().contains("type=news"));
    statusAfterSearch();
    List<WebElement> badges = browser.findElements(By.cssSelector("#results .badge"));
    assertFalse(badges.isEmpty());
    badges.forEach(b -> assertEquals("Tin tức", b.getText()));
    assertEquals("news", byId("type").getAttribute("value"));
  }

  @Test
  void openADocumentWithItsAttachmentsThreadAndOriginal() throws Exception {
    signIn();
    String reply = "mail:mailbox:20190816154000.1259@hoason.gov.vn";
    search("chuẩn bị nội dung phiên họp", "16/8/2019");
    WebElement link =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#results a[data-id='" + reply + "']")));
    link.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-view")));
    wait.until(d -> !byId("doc-text").getText().isEmpty());
    assertTrue(byId("doc-title").getText().contains("Chuẩn bị nội dung phiên họp"));
    assertTrue(byId("doc-meta").getText().contains("Người gửi"), byId("doc-meta").getText());
    assertTrue(byId("doc-meta").getText().contains("16/08/2019"), byId("doc-meta").getText());
    assertEquals(
        List.of("Công văn 2047-UBND-VP chuẩn bị phiên họp.docx"),
        byId("doc-attachments").findElements(By.cssSelector("a")).stream()
            .map(WebElement::getText)
            .toList());
    assertEquals(3, byId("doc-thread").findElements(By.cssSelector("li")).size());
    assertEquals(
        byId("doc-title"),
        browser.switchTo().activeElement(),
        "focus moves to the document's title");
    screenshot("staff-document");

    // The attachment opens in the same view and links back to its message.
    byId("doc-attachments").findElement(By.cssSelector("a")).click();
    wait.until(d -> byId("doc-title").getText().contains("2047-UBND-VP"));
    wait.until(d -> byId("doc-meta").getText().contains("Thuộc thư"));

    // Back to the results with the browser's back button twice, then with the page's button.
    browser.navigate().back();
    wait.until(d -> byId("doc-title").getText().contains("Chuẩn bị nội dung phiên họp"));
    byId("back").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    statusAfterSearch();
    assertFalse(browser.getCurrentUrl().contains("doc="));
    assertFalse(resultTitles().isEmpty());
  }

  @Test
  void downloadTheOriginalOfADocument() throws Exception {
    signIn();
    try (Stream<Path> old = Files.list(downloads)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    open("/?doc=" + java.net.URLEncoder.encode("file:archive:1952-QD-UBND.pdf", "UTF-8"));
    wait.until(d -> byId("doc-meta").getText().contains("Số ký hiệu"));
    assertTrue(byId("doc-meta").getText().contains("1952/QĐ-UBND"), byId("doc-meta").getText());
    byId("download").click();
    wait.until(d -> byId("download-status").getText().startsWith("Đã tải"));
    Path file = downloads.resolve("1952-QD-UBND.pdf");
    wait.until(d -> Files.isRegularFile(file));
    assertArrayEquals(
        Files.readAllBytes(SampleArchive.root().resolve("documents/1952-QD-UBND.pdf")),
        Files.readAllBytes(file));
  }

  @Test
  void everyControlHasALabelAndThePageFitsAPhone() throws Exception {
    signIn();
    search("chính quyền điện tử", null);
    assertEquals(List.of(), unlabelledControls());
    assertEquals("polite", byId("status").getAttribute("aria-live"));
    // Keyboard: from the search box, Tab reaches the search button next.
    byId("q").click();
    byId("q").sendKeys(Keys.TAB);
    assertEquals("Tìm", browser.switchTo().activeElement().getText());

    browser.manage().window().setSize(new Dimension(390, 844));
    open("/?q=" + java.net.URLEncoder.encode("chính quyền điện tử", "UTF-8"));
    statusAfterSearch();
    Number overflow =
        (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone: " + overflow);
    screenshot("staff-phone");

    open("/tin-tuc?date=2019-08-19");
    wait.until(d -> byId("news-status").getText().endsWith("tin ngày 19/08/2019."));
    assertEquals(List.of(), unlabelledControls());
    overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone: " + overflow);
    screenshot("public-phone");
  }

  /** Visible form controls that a screen reader would announce without a name. */
  @SuppressWarnings("unchecked")
  private static List<String> unlabelledControls() {
    return (List<String>)
        js(
            "return [...document.querySelectorAll('input, select, button')]"
                + ".filter(e => e.offsetParent !== null && !e.closest('[aria-hidden=true]'))"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.textContent.trim())"
                + ".map(e => e.id || e.outerHTML)");
  }

  // ---- the public page ----

  @Test
  void publicPageShowsOnlyNewsAndCallsOnlyTheNewsApi() throws Exception {
    // A staff member signed in on this tab must not turn the public page into a staff view.
    signIn();
    statusAfterSearch();
    browser.manage().logs().get(LogType.PERFORMANCE); // drop what the staff page requested

    open("/tin-tuc?date=2019-08-19");
    Set<String> expected =
        manifest.stream()
            .filter(i -> i.kind().equals("news") && i.date().equals("2019-08-19"))
            .map(SampleArchive.Item::title)
            .collect(Collectors.toCollection(TreeSet::new));
    wait.until(d -> byId("news-status").getText().startsWith(expected.size() + " tin"));
    assertEquals(expected, new TreeSet<>(newsTitles()));
    assertEquals("Tin ngày 19/08/2019", byId("news-heading").getText());
    assertNoStaffData();
    wait.until(d -> !byId("calendar").findElements(By.cssSelector("td button")).isEmpty());
    assertEquals("Tháng 8/2019", byId("calendar-title").getText());
    screenshot("public-news-day");

    // The calendar: the 20th has news; a click shows that day.
    byId("calendar").findElement(By.cssSelector("button[aria-label^='20/08/2019']")).click();
    wait.until(d -> byId("news-heading").getText().equals("Tin ngày 20/08/2019"));
    wait.until(d -> byId("news-status").getText().startsWith("2 tin"));
    assertNoStaffData();

    // Keywords without diacritics, on all days; a query that matches mail finds news only.
    byId("all-days").click();
    wait.until(d -> byId("news-heading").getText().equals("Tin mới nhất"));
    byId("news-q").clear();
    byId("news-q").sendKeys("chu ky so", Keys.ENTER);
    wait.until(d -> newsTitles().contains("Tập huấn sử dụng chữ ký số cho cán bộ cấp xã"));
    byId("news-q").clear();
    byId("news-q").sendKeys("phiên họp Ban Chỉ đạo", Keys.ENTER);
    wait.until(d -> byId("news-status").getText().matches("\\d+ tin\\."));
    assertNoStaffData();
    screenshot("public-news-search");

    List<URI> requests = requestedUrls();
    Set<String> paths = new TreeSet<>();
    for (URI uri : requests) {
      if (uri.getPort() == api.server.port()) {
        paths.add(uri.getPath());
      }
    }
    assertTrue(paths.contains("/api/news"), paths.toString());
    assertEquals(
        Set.of(),
        paths.stream()
            .filter(
                p ->
                    !Set.of("/tin-tuc", "/style.css", "/common.js", "/news.js", "/api/news")
                        .contains(p))
            .filter(p -> !p.equals("/favicon.ico"))
            .collect(Collectors.toSet()),
        "the public page requested only its own files and /api/news");
  }

  private static List<String> newsTitles() {
    return texts("#news .news-item h3", "e.textContent");
  }

  /** No mail, document or attachment title, address or badge anywhere on the page. */
  private static void assertNoStaffData() {
    String page = browser.findElement(By.tagName("body")).getText();
    for (SampleArchive.Item item : manifest) {
      if (!item.kind().equals("news")) {
        assertFalse(page.contains(item.title()), "staff record shown: " + item.title());
      }
    }
    assertFalse(page.contains("@hoason.gov.vn"), "an e-mail address is shown");
    assertTrue(browser.findElements(By.cssSelector(".badge")).isEmpty());
  }

  /** URLs of the requests Chromium sent since the last call, with any Authorization header. */
  private static List<URI> requestedUrls() throws IOException {
    List<URI> urls = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = TestServer.JSON.readTree(entry.getMessage()).path("message");
      if (!message.path("method").asText().equals("Network.requestWillBeSent")) {
        continue;
      }
      JsonNode request = message.path("params").path("request");
      String url = request.path("url").asText();
      if (url.startsWith("http")) {
        urls.add(URI.create(url));
        assertFalse(
            request.path("headers").has("Authorization"),
            "the public page sent credentials to " + url);
      }
    }
    return urls;
  }
}

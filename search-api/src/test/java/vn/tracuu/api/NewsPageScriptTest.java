package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The public news page's own files, read as shipped in the jar: it loads only our scripts, and
 * those name no endpoint but /api/news and read no staff credentials. (The browser test checks the
 * requests it really sends; this check needs no browser.)
 */
class NewsPageScriptTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = NewsPageScriptTest.class.getResourceAsStream("/public/" + name)) {
      assertNotNull(in, name + " is in the jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> scripts(String html) {
    List<String> scripts = new ArrayList<>();
    Matcher m = Pattern.compile("<script\\b([^>]*)>").matcher(html);
    while (m.find()) {
      Matcher src = Pattern.compile("src=\"/([^\"]+)\"").matcher(m.group(1));
      assertTrue(src.find(), "only scripts from our own files, no inline script: " + m.group());
      scripts.add(src.group(1));
    }
    return scripts;
  }

  @Test
  void thePublicPageLoadsOnlyItsOwnScripts() throws IOException {
    assertEquals(List.of("common.js", "news.js"), scripts(resource("tin-tuc.html")));
    assertFalse(resource("tin-tuc.html").contains("http"), "nothing from another origin");
  }

  @Test
  void itsScriptsCallOnlyTheNewsApiWithoutCredentials() throws IOException {
    Set<String> endpoints = new TreeSet<>();
    for (String script : scripts(resource("tin-tuc.html"))) {
      String code = resource(script);
      Matcher api = Pattern.compile("/(api|metrics)[^\"'`?\\s)]*").matcher(code);
      while (api.find()) {
        endpoints.add(api.group());
      }
      for (String forbidden :
          List.of(
              "sessionStorage", "localStorage", "Authorization", "XMLHttpRequest", "/original")) {
        assertFalse(code.contains(forbidden), script + " uses " + forbidden);
      }
    }
    assertEquals(Set.of("/api/news"), endpoints);
    // Only news.js makes requests; the shared helpers make none.
    assertFalse(resource("common.js").contains("fetch("));
    assertTrue(resource("news.js").contains("credentials: \"omit\""));
  }

  @Test
  void theStaffPageIsAnotherFile() throws IOException {
    assertTrue(scripts(resource("index.html")).contains("app.js"));
    assertFalse(scripts(resource("tin-tuc.html")).contains("app.js"));
  }
}

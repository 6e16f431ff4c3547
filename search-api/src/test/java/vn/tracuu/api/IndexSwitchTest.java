package vn.tracuu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.indexer.extract.ExtractionLimits;

/**
 * A rebuild under load: a client queries the real server continuously while the real indexer
 * updates the index and rebuilds it twice (switching generations); not one query may fail, and the
 * server must show the new content without a restart.
 */
class IndexSwitchTest {

  @TempDir Path tmp;

  @Test
  void rebuildsUnderLoadFailNoQuery() throws Exception {
    Path news = tmp.resolve("news");
    Files.createDirectories(news);
    try (Stream<Path> pages = Files.list(SampleArchive.root().resolve("news"))) {
      for (Path page : pages.toList()) {
        Files.copy(page, news.resolve(page.getFileName()));
      }
    }
    List<SourceConfig> sources =
        List.of(new SourceConfig("portal", SourceType.NEWS, news, List.of(), true));
    Path index = tmp.resolve("index");
    IndexBuilder builder =
        new IndexBuilder(index, new IndexBuilder.Options(1, ExtractionLimits.defaults(), false));
    builder.build(sources);

    try (SearchService search = new SearchService(index)) {
      ApiServer server = new ApiServer(search, ServerConfig.empty()).start("127.0.0.1", 0);
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong queries = new AtomicLong();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      URI uri =
          URI.create(
              "http://127.0.0.1:" + server.port() + "/api/news?q=chinh+quyen+dien+tu&size=5");
      Thread client =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    HttpResponse<String> response =
                        http.send(
                            HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode body = json.readTree(response.body());
                    if (response.statusCode() != 200 || body.path("total").asLong() < 1) {
                      failures.add(response.statusCode() + " " + response.body());
                    }
                  } catch (Exception e) {
                    failures.add(e.toString());
                  }
                  queries.incrementAndGet();
                  pause(); // a steady client, not a CPU hog on a shared machine
                }
              },
              "client");
      client.start();
      try {
        Path first = index.toRealPath();
        builder.rebuild(sources);
        Files.writeString(
            news.resolve("2020-01-02-chinh-quyen-dien-tu-nam-moi.html"),
            "<html><head><title>Chính quyền điện tử năm mới: đài phát thanh xã Bắc Hòa</title>"
                + "</head><body><p>Ngày 2/1/2020, đài phát thanh xã Bắc Hòa ra mắt.</p>"
                + "</body></html>");
        builder.rebuild(sources);
        assertTrue(!index.toRealPath().equals(first));
        long before = queries.get();
        long deadline = System.nanoTime() + 10_000_000_000L;
        int found = 0;
        while (System.nanoTime() < deadline && (found == 0 || queries.get() < before + 20)) {
          found = search.news(p -> p.equals("q") ? "đài phát thanh" : null).total() > 0 ? 1 : 0;
          Thread.sleep(100);
        }
        assertEquals(1, found, "the server switched to the new generation without a restart");
      } finally {
        running.set(false);
        client.join();
        server.stop();
      }
      assertTrue(queries.get() > 20, "the client kept querying: " + queries.get());
      assertEquals(List.of(), List.copyOf(failures), "failed queries out of " + queries.get());
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

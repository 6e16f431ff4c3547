package vn.tracuu.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.config.SourceConfig;

/**
 * One index of samples/ (built by the real indexer) and one real server over it, shared by the test
 * classes of this JVM so the samples are indexed once. The configuration has a staff token, a staff
 * user and a token of another group that sees only public records.
 */
final class TestServer {

  static final String STAFF_TOKEN = "test-staff-token-0123456789";
  static final String OTHER_TOKEN = "test-other-group-token-987654";
  static final String USER = "vanthu";
  static final String PASSWORD = "mật khẩu thử";

  static final String STAFF = "Bearer " + STAFF_TOKEN;
  static final String OTHER = "Bearer " + OTHER_TOKEN;
  static final String ANONYMOUS = null;

  /**
   * Queries over the samples that cover the query language: diacritics or not, a phrase, one
   * syllable, exclusion, OR with parentheses, a field prefix.
   */
  static final List<String> SAMPLE_QUERIES =
      List.of(
          "chính quyền điện tử",
          "chinh quyen dien tu",
          "\"thiên tai\"",
          "bản",
          "ubnd quyết định",
          "hội nghị -thiên",
          "(lũ | bão) tỉnh",
          "subject:\"thiên tai\" tỉnh");

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestServer instance;

  final Path dataDir;
  final IndexReport report;
  final SearchService search;
  final ApiServer server;
  final ServerConfig config;

  private TestServer() throws IOException {
    dataDir = Files.createTempDirectory("tracuu-api-test");
    Path index = dataDir.resolve("index");
    report = SampleArchive.index(index);
    config = config();
    search = new SearchService(index);
    server = new ApiServer(search, config).start("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown));
  }

  static synchronized TestServer get() {
    if (instance == null) {
      try {
        instance = new TestServer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  static ServerConfig config() {
    List<ServerConfig.Source> sources =
        SampleArchive.sources().stream()
            .map((SourceConfig s) -> new ServerConfig.Source(s.name(), s.root()))
            .toList();
    return new ServerConfig(
        new ServerConfig.Server(null, null, List.of("https://portal.example.vn"), null, null),
        new ServerConfig.Auth(
            List.of(
                new ServerConfig.Token("tool", Passwords.sha256(STAFF_TOKEN), List.of("staff")),
                new ServerConfig.Token("other", Passwords.sha256(OTHER_TOKEN), List.of("other"))),
            List.of(
                // Few iterations: the test checks the scheme, not the cost.
                new ServerConfig.User(
                    USER, Passwords.hash(PASSWORD.toCharArray(), 1_000), List.of("staff")))),
        sources);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String pathAndQuery, String authorization) {
    return send(pathAndQuery, authorization, HttpResponse.BodyHandlers.ofString());
  }

  <T> HttpResponse<T> send(
      String pathAndQuery, String authorization, HttpResponse.BodyHandler<T> body) {
    return send(pathAndQuery, authorization, body, java.util.Map.of());
  }

  <T> HttpResponse<T> send(
      String pathAndQuery,
      String authorization,
      HttpResponse.BodyHandler<T> body,
      java.util.Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET {@code path} with parameters as name, value pairs; the answer must be 200. */
  JsonNode json(String path, String authorization, String... params) throws IOException {
    HttpResponse<String> response = get(path + query(params), authorization);
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " -> " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  static String query(String... params) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      query
          .append(i == 0 ? '?' : '&')
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private void shutdown() {
    server.stop();
    try {
      search.close();
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException ignored) {
      // Temporary files of a finished test run.
    }
  }
}

package vn.tracuu.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.plugin.bundled.CorsPlugin;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: every route is declared here; handlers stay short and delegate.
 *
 * <p>Access: anonymous callers reach only {@link #PUBLIC_PATHS} and the static page; everything
 * else under {@code /api/} and {@code /metrics} needs a token or a staff user, and every query is
 * narrowed to the caller's groups by {@link SearchService}.
 */
public final class ApiServer {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /** API paths anonymous callers may use. */
  static final Set<String> PUBLIC_PATHS = Set.of("/api/news", "/api/health");

  /**
   * Headers of the pages and their scripts: scripts and connections from our own origin only (no
   * inline script, so text from the archive can never run), and the pages are not to be framed.
   */
  static final Map<String, String> PAGE_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none';"
              + " form-action 'self'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer");

  private static final String CALLER = "tracuu.caller";
  private static final String STARTED = "tracuu.started";

  private final SearchService search;
  private final Authenticator authenticator;
  private final OriginalFiles originals;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final byte[] openApi;
  private final byte[] newsPage;
  private final Javalin app;

  public ApiServer(SearchService search) {
    this(search, ServerConfig.empty());
  }

  public ApiServer(SearchService search, ServerConfig config) {
    this.search = search;
    this.authenticator = new Authenticator(config.auth());
    this.originals = new OriginalFiles(config.sources());
    this.openApi = resource("/openapi.json");
    this.newsPage = resource("/public/tin-tuc.html");
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    metrics.gauge("tracuu.index.records", search, ApiServer::recordsOrNaN);
    ObjectMapper mapper = new ObjectMapper();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.jsonMapper(new JavalinJackson(mapper, false));
              cfg.startup.showJavalinBanner = false;
              cfg.http.maxRequestSize = config.server().maxRequestBytesOrDefault();
              cfg.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/public";
                    files.location = Location.CLASSPATH;
                    files.headers = PAGE_HEADERS;
                  });
              if (!config.server().corsOrigins().isEmpty()) {
                var origins = config.server().corsOrigins();
                cfg.registerPlugin(
                    new CorsPlugin(
                        cors ->
                            cors.addRule(
                                rule ->
                                    rule.allowHost(
                                        origins.getFirst(),
                                        origins
                                            .subList(1, origins.size())
                                            .toArray(String[]::new)))));
              }
              cfg.routes.before(this::authenticate);
              cfg.routes.after(this::record);
              cfg.routes.get("/tin-tuc", this::newsPage);
              cfg.routes.get("/api/health", this::health);
              cfg.routes.get("/api/news", ctx -> ctx.json(search.news(ctx::queryParam)));
              cfg.routes.get("/api/search", this::search);
              cfg.routes.get("/api/documents/{id}", this::document);
              cfg.routes.get("/api/documents/{id}/original", this::original);
              cfg.routes.get("/api/documents/{id}/related", this::related);
              cfg.routes.get("/api/stats", ctx -> ctx.json(search.stats(caller(ctx))));
              cfg.routes.get(
                  "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
              cfg.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
              cfg.routes.exception(
                  BadRequestException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              cfg.routes.exception(
                  Authenticator.UnauthorizedException.class,
                  (e, ctx) -> unauthorized(ctx, e.getMessage()));
              cfg.routes.exception(
                  Authenticator.TooManyAttemptsException.class,
                  (e, ctx) -> {
                    ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                    error(ctx, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
                  });
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("request {} failed", ctx.path(), e);
                    error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
                  });
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (ctx.path().startsWith("/api/")
                        && ctx.attribute("tracuu.answered") == null) {
                      error(ctx, HttpStatus.NOT_FOUND, "no such endpoint: " + ctx.path());
                    }
                  });
            });
  }

  /** Starts listening; port 0 picks a free port. */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
    metrics.close();
  }

  /** Who is calling; anonymous callers are stopped here unless the path is public. */
  private void authenticate(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
    if (ctx.method() == HandlerType.OPTIONS) {
      return; // CORS preflights carry no credentials and answer no data
    }
    Caller caller = authenticator.authenticate(ctx.header("Authorization"));
    ctx.attribute(CALLER, caller);
    String path = ctx.path();
    boolean guarded = path.startsWith("/api/") || path.equals("/metrics");
    if (guarded && !caller.authenticated() && !PUBLIC_PATHS.contains(path)) {
      throw new Authenticator.UnauthorizedException(
          "sign in (API token or staff user) to use this endpoint");
    }
  }

  private static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    return caller == null ? Caller.ANONYMOUS : caller;
  }

  /** The public portal's news by day (tin tức): a static page that calls only /api/news. */
  private void newsPage(Context ctx) {
    PAGE_HEADERS.forEach(ctx::header);
    ctx.contentType("text/html; charset=utf-8").result(newsPage);
  }

  private void health(Context ctx) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    // The size of the whole index is for operators, not for anonymous visitors.
    if (caller(ctx).authenticated()) {
      body.put("documents", search.documentCount());
    }
    ctx.json(body);
  }

  private void search(Context ctx) throws IOException {
    ctx.json(search.search(SearchRequest.of(ctx::queryParam), caller(ctx)));
  }

  private void document(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var record = search.record(id, caller(ctx));
    if (record.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    ctx.json(record.get());
  }

  private void related(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var related = search.related(id, caller(ctx));
    if (related.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    ctx.json(related.get());
  }

  private void original(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    var record = search.record(id, caller(ctx));
    if (record.isEmpty()) {
      notFound(ctx, id);
      return;
    }
    OriginalFiles.Original original;
    try {
      original = originals.read(record.get());
    } catch (OriginalFiles.Unavailable e) {
      ctx.attribute("tracuu.answered", true);
      error(ctx, HttpStatus.NOT_FOUND, e.getMessage());
      return;
    }
    String type = record.get().contentType();
    ctx.header("Content-Disposition", contentDisposition(original.fileName()));
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "sandbox");
    ctx.contentType(safeContentType(type));
    ctx.result(original.bytes());
  }

  /**
   * Always "attachment" (an archived HTML page must not run in our origin), with an ASCII fallback
   * name and the real name in RFC 5987 encoding.
   */
  static String contentDisposition(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    if (ascii.isEmpty() || ascii.startsWith(".")) {
      ascii = "original" + ascii;
    }
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static String safeContentType(String type) {
    if (type == null || !type.matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+(\\s*;.*)?")) {
      return "application/octet-stream";
    }
    return type.replaceAll("[\\r\\n]", "");
  }

  private void record(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    Timer.builder("tracuu.http.requests")
        .tag("route", route(ctx.path()))
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(metrics)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** A route label with bounded cardinality (ids are not labels). */
  private static String route(String path) {
    if (path.startsWith("/api/documents/")) {
      if (path.endsWith("/original")) {
        return "/api/documents/{id}/original";
      }
      return path.endsWith("/related") ? "/api/documents/{id}/related" : "/api/documents/{id}";
    }
    return switch (path) {
      case "/api/search",
          "/api/news",
          "/api/health",
          "/api/stats",
          "/api/openapi.json",
          "/metrics" ->
          path;
      default -> path.startsWith("/api/") ? "/api/other" : "static";
    };
  }

  private static void notFound(Context ctx, String id) {
    ctx.attribute("tracuu.answered", true);
    // Same answer whether the record does not exist or the caller may not see it.
    error(ctx, HttpStatus.NOT_FOUND, "no such record: " + SearchRequest.abbreviate(id));
  }

  private static void unauthorized(Context ctx, String message) {
    // Our own page signs in with its form; the challenge would make browsers pop up their
    // login dialog over it, so it is left out for script requests (X-Requested-With).
    if (ctx.header("X-Requested-With") == null) {
      ctx.header("WWW-Authenticate", "Basic realm=\"tracuu\", charset=\"UTF-8\"");
    }
    error(ctx, HttpStatus.UNAUTHORIZED, message);
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message, "status", status.getCode()));
  }

  private static double recordsOrNaN(SearchService search) {
    try {
      return search.documentCount();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

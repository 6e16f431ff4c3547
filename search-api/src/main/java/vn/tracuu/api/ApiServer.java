package vn.tracuu.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: every route is declared here; handlers stay short and delegate. */
public final class ApiServer {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final SearchService search;
  private final Javalin app;

  public ApiServer(SearchService search) {
    this.search = search;
    ObjectMapper mapper = new ObjectMapper();
    this.app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.startup.showJavalinBanner = false;
              config.staticFiles.add("/public", Location.CLASSPATH);
              config.routes.get("/api/health", this::health);
              config.routes.get("/api/search", this::search);
              config.routes.exception(
                  BadRequestException.class,
                  (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    log.error("request {} failed", ctx.path(), e);
                    error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
                  });
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.path().startsWith("/api/")) {
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
  }

  private void health(Context ctx) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("documents", search.documentCount());
    ctx.json(body);
  }

  private void search(Context ctx) throws Exception {
    ctx.json(search.search(SearchRequest.of(ctx::queryParam)));
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message, "status", status.getCode()));
  }
}

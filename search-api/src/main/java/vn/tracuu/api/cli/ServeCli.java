package vn.tracuu.api.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tracuu.api.ApiServer;
import vn.tracuu.api.SearchService;
import vn.tracuu.api.ServerConfig;

/** Entry point of the search-api jar: {@code tracuu serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    version = "tracuu 0.1",
    description = "Serve the search API and web page over an index.",
    subcommands = {HashPasswordCommand.class, NewTokenCommand.class})
public final class ServeCli implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", description = "Index folder (required).")
  Path index;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Server configuration (YAML: server, auth, sources). Without it only the public"
              + " endpoints answer.")
  Path config;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default: server.port from --config, else 7070).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: server.host from --config, else 127.0.0.1; 0.0.0.0 for"
              + " every interface).")
  String host;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (index == null) {
      System.err.println("tracuu serve: --index DIR is required (see --help)");
      return 2;
    }
    ServerConfig settings;
    SearchService search;
    try {
      settings = config == null ? ServerConfig.empty() : ServerConfig.read(config);
      search =
          new SearchService(index, Duration.ofMillis(settings.server().timeBudgetMsOrDefault()));
    } catch (IOException e) {
      System.err.println("tracuu serve: " + e.getMessage());
      return 1;
    }
    String listenHost = host != null ? host : settings.server().hostOrDefault();
    int listenPort = port != null ? port : settings.server().portOrDefault();
    ApiServer server;
    try {
      server = new ApiServer(search, settings).start(listenHost, listenPort);
    } catch (RuntimeException e) {
      // Javalin wraps bind failures ("Port already in use") in runtime exceptions.
      System.err.println(
          "tracuu serve: cannot listen on "
              + listenHost
              + ":"
              + listenPort
              + ": "
              + e.getMessage());
      search.close();
      return 1;
    }
    String shown =
        listenHost.equals("0.0.0.0") || listenHost.equals("127.0.0.1") ? "localhost" : listenHost;
    int users = settings.auth().users().size() + settings.auth().tokens().size();
    System.out.printf(
        "serving %d records from %s at http://%s:%d (%s; Ctrl-C stops)%n",
        search.documentCount(),
        index.toAbsolutePath(),
        shown,
        server.port(),
        users == 0
            ? "public endpoints only: no users or tokens configured"
            : users + " users/tokens");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  try {
                    search.close();
                  } catch (IOException ignored) {
                    // Exiting anyway.
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}

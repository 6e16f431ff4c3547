package vn.tracuu.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tracuu.api.ApiServer;
import vn.tracuu.api.SearchService;

/** Entry point of the search-api jar: {@code tracuu serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    version = "tracuu 0.1",
    description = "Serve the search API and web page over an index.")
public final class ServeCli implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder.")
  Path index;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "N",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCli()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    SearchService search;
    try {
      search = new SearchService(index);
    } catch (java.io.IOException e) {
      System.err.println("tracuu serve: " + e.getMessage());
      return 1;
    }
    ApiServer server;
    try {
      server = new ApiServer(search).start(host, port);
    } catch (RuntimeException e) {
      // Javalin wraps bind failures ("Port already in use") in runtime exceptions.
      System.err.println(
          "tracuu serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      search.close();
      return 1;
    }
    String shown =
        host.equals("0.0.0.0") ? "localhost" : host.equals("127.0.0.1") ? "localhost" : host;
    System.out.printf(
        "serving %d records from %s at http://%s:%d (Ctrl-C stops)%n",
        search.documentCount(), index.toAbsolutePath(), shown, server.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  try {
                    search.close();
                  } catch (java.io.IOException ignored) {
                    // Exiting anyway.
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}

package vn.tracuu.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server configuration file (YAML): {@code server:} (listening, CORS, limits), {@code auth:}
 * (API tokens and users with their groups) and {@code sources:} (where each source's original files
 * are). Other sections may be added by other parts of tracuu; this reader ignores top-level
 * sections and source settings it does not know, and rejects unknown keys inside {@code server:}
 * and {@code auth:}, where a typo would silently weaken security.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerConfig(Server server, Auth auth, List<Source> sources) {

  /** Listening address and limits; every value has a default. */
  public record Server(
      String host,
      Integer port,
      List<String> corsOrigins,
      Integer timeBudgetMs,
      Long maxRequestBytes) {

    public String hostOrDefault() {
      return host == null ? "127.0.0.1" : host;
    }

    public int portOrDefault() {
      return port == null ? 7070 : port;
    }

    public int timeBudgetMsOrDefault() {
      return timeBudgetMs == null ? 2_000 : timeBudgetMs;
    }

    public long maxRequestBytesOrDefault() {
      return maxRequestBytes == null ? 16 * 1024 : maxRequestBytes;
    }
  }

  /** Who may call the staff endpoints. */
  public record Auth(List<Token> tokens, List<User> users) {}

  /**
   * An API token for a tool: the SHA-256 (hex) of the token, never the token itself.
   *
   * @param name shown in logs and metrics
   */
  public record Token(String name, String sha256, List<String> groups) {}

  /**
   * A staff member who signs in with HTTP Basic authentication.
   *
   * @param passwordHash from {@code tracuu serve hash-password}
   */
  public record User(String name, String passwordHash, List<String> groups) {}

  /**
   * Where a source's original files are; the name is the one given when indexing. The indexer's
   * keys of a source entry (type, groups, public, IMAP account) are ignored here; a source without
   * a path (an IMAP account) has no original files on disk.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Source(String name, Path path) {}

  public ServerConfig {
    server = server == null ? new Server(null, null, null, null, null) : server;
    auth = auth == null ? new Auth(null, null) : auth;
    auth =
        new Auth(
            auth.tokens() == null ? List.of() : List.copyOf(auth.tokens()),
            auth.users() == null ? List.of() : List.copyOf(auth.users()));
    server =
        new Server(
            server.host(),
            server.port(),
            server.corsOrigins() == null ? List.of() : List.copyOf(server.corsOrigins()),
            server.timeBudgetMs(),
            server.maxRequestBytes());
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** No users, no tokens: only the public endpoints answer. */
  public static ServerConfig empty() {
    return new ServerConfig(null, null, null);
  }

  /**
   * Reads and checks {@code file}.
   *
   * @throws IOException with the file, the place and what is wrong
   */
  public static ServerConfig read(Path file) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ServerConfig config;
    try {
      // Environment variables override keys (TRACUU_SERVER_PORT, …), as for the indexer.
      // Read directly when no variable applies: the text of every value is kept as written
      // (a plain tree would turn an all-digit sha256 into a number).
      byte[] bytes = Files.readAllBytes(file);
      Object tree = yaml.readValue(bytes, Object.class);
      List<String> applied = List.of();
      if (tree instanceof java.util.Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> mutable =
            new java.util.LinkedHashMap<>((java.util.Map<String, Object>) map);
        applied = vn.tracuu.config.EnvOverrides.apply(mutable, System.getenv());
        tree = mutable;
      }
      config =
          applied.isEmpty()
              ? yaml.readValue(bytes, ServerConfig.class)
              : yaml.convertValue(tree, ServerConfig.class);
    } catch (JacksonException | IllegalArgumentException e) {
      String message =
          e instanceof JacksonException j
              ? j.getOriginalMessage() + location(j)
              : e.getCause() instanceof JacksonException j
                  ? j.getOriginalMessage()
                  : e.getMessage();
      throw new IOException("config " + file + ": " + message, e);
    }
    if (config == null) {
      return empty();
    }
    config.check(file);
    // Relative source paths are relative to the configuration file, so a config can travel with
    // its archive (the demo's does).
    Path base = file.toAbsolutePath().getParent();
    List<Source> resolved =
        config.sources().stream()
            .filter(s -> s.path() != null)
            .map(s -> new Source(s.name(), base.resolve(s.path())))
            .toList();
    return new ServerConfig(config.server(), config.auth(), resolved);
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private void check(Path file) throws IOException {
    Set<String> names = new HashSet<>();
    for (Token token : auth.tokens()) {
      require(token.name() != null, file, "every token needs a name");
      require(names.add(token.name()), file, "name '" + token.name() + "' is used twice");
      require(
          token.sha256() != null && token.sha256().matches("[0-9a-fA-F]{64}"),
          file,
          "token '" + token.name() + "': sha256 must be 64 hex digits (tracuu serve new-token)");
      require(
          token.groups() != null && !token.groups().isEmpty(),
          file,
          "token '" + token.name() + "' needs at least one group");
    }
    for (User user : auth.users()) {
      require(
          user.name() != null && !user.name().contains(":"),
          file,
          "user names need a name without ':'");
      require(names.add(user.name()), file, "name '" + user.name() + "' is used twice");
      require(
          user.passwordHash() != null && Passwords.isHash(user.passwordHash()),
          file,
          "user '" + user.name() + "': password_hash must come from 'tracuu serve hash-password'");
      require(
          user.groups() != null && !user.groups().isEmpty(),
          file,
          "user '" + user.name() + "' needs at least one group");
    }
    for (Source source : sources) {
      require(source.name() != null, file, "every source needs a name");
    }
    require(server.timeBudgetMsOrDefault() > 0, file, "server.time_budget_ms must be positive");
    require(
        server.maxRequestBytesOrDefault() > 0, file, "server.max_request_bytes must be positive");
  }

  private static void require(boolean condition, Path file, String message) throws IOException {
    if (!condition) {
      throw new IOException("config " + file + ": " + message);
    }
  }
}

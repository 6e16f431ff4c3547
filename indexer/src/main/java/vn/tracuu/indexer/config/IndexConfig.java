package vn.tracuu.indexer.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.tracuu.config.EnvOverrides;
import vn.tracuu.indexer.extract.ExtractionLimits;

/**
 * The indexer's part of tracuu's one configuration file (YAML, shared with the server, which reads
 * {@code server:}, {@code auth:} and the names and paths of {@code sources:}): {@code index:}
 * (where the index is, threads, OCR, parse limits) and {@code sources:} (what to index, who may see
 * it). Environment variables override any key ({@link EnvOverrides}); secrets are never read from
 * the file itself, only from an environment variable or a file it names. Relative paths are
 * relative to the configuration file. See {@code docs/tracuu.example.yaml}.
 *
 * @param indexPath the index (a folder, or the link to the live generation)
 * @param threads extraction threads
 * @param ocr whether scans are read with Tesseract
 * @param limits per-file extraction limits
 * @param sources what to index
 * @param overrides the environment variables that changed a key (names only, for the log)
 */
public record IndexConfig(
    Path indexPath,
    int threads,
    boolean ocr,
    ExtractionLimits limits,
    List<SourceConfig> sources,
    List<String> overrides) {

  private static final Set<String> INDEX_KEYS = Set.of("path", "threads", "ocr", "limits");
  private static final Set<String> LIMIT_KEYS =
      Set.of(
          "max_file_bytes",
          "max_chars",
          "parse_timeout_seconds",
          "max_embedded_depth",
          "max_compression_ratio",
          "parser_heap_mb");
  private static final Set<String> SOURCE_KEYS =
      Set.of(
          "name",
          "type",
          "path",
          "groups",
          "public",
          "host",
          "port",
          "tls",
          "user",
          "password_env",
          "password_file",
          "folders");

  /** Reads {@code file} with the process environment, resolving IMAP passwords. */
  public static IndexConfig read(Path file) throws IOException {
    return read(file, System.getenv(), true);
  }

  /**
   * Reads {@code file}.
   *
   * @param env the environment whose {@code TRACUU_*} variables override keys
   * @param secrets whether to resolve IMAP passwords (false for commands that do not connect)
   * @throws IOException with the file and what is wrong
   */
  @SuppressWarnings("unchecked")
  public static IndexConfig read(Path file, Map<String, String> env, boolean secrets)
      throws IOException {
    Object parsed;
    try {
      parsed =
          new ObjectMapper(new YAMLFactory())
              .readValue(
                  new String(Files.readAllBytes(file), StandardCharsets.UTF_8), Object.class);
    } catch (JacksonException e) {
      throw new IOException("config " + file + ": " + e.getOriginalMessage(), e);
    }
    Map<String, Object> tree =
        parsed instanceof Map<?, ?> m
            ? new LinkedHashMap<>((Map<String, Object>) m)
            : new LinkedHashMap<>();
    List<String> overrides = EnvOverrides.apply(tree, env);
    return new Reader(file, env, secrets).read(tree, overrides);
  }

  /** Parses the tree with messages naming the file and the key. */
  private record Reader(Path file, Map<String, String> env, boolean secrets) {

    IndexConfig read(Map<String, Object> tree, List<String> overrides) throws IOException {
      Path base = file.toAbsolutePath().getParent();
      Map<String, Object> index = section(tree.get("index"), "index");
      unknown(index, INDEX_KEYS, "index");
      Object path = index.get("path");
      if (path == null) {
        throw error("index.path is missing (where the index is kept)");
      }
      int threads =
          index.get("threads") == null
              ? Math.max(1, Runtime.getRuntime().availableProcessors())
              : integer(index.get("threads"), "index.threads", 1);
      boolean ocr = index.get("ocr") == null || bool(index.get("ocr"), "index.ocr");
      ExtractionLimits limits = limits(section(index.get("limits"), "index.limits"));

      Object sourcesNode = tree.get("sources");
      if (!(sourcesNode instanceof List<?> list) || list.isEmpty()) {
        throw error("sources: needs at least one source");
      }
      List<SourceConfig> sources = new ArrayList<>();
      Set<String> names = new HashSet<>();
      int i = 0;
      for (Object entry : list) {
        SourceConfig source = source(section(entry, "sources[" + i + "]"), i, base);
        if (!names.add(source.name())) {
          throw error("source name '" + source.name() + "' is used twice");
        }
        sources.add(source);
        i++;
      }
      return new IndexConfig(
          base.resolve(String.valueOf(path)).normalize(),
          threads,
          ocr,
          limits,
          List.copyOf(sources),
          List.copyOf(overrides));
    }

    private ExtractionLimits limits(Map<String, Object> node) throws IOException {
      unknown(node, LIMIT_KEYS, "index.limits");
      ExtractionLimits d = ExtractionLimits.defaults();
      long maxFileBytes =
          node.get("max_file_bytes") == null
              ? d.maxFileBytes()
              : number(node.get("max_file_bytes"), "index.limits.max_file_bytes", 1);
      int maxChars =
          node.get("max_chars") == null
              ? d.maxChars()
              : integer(node.get("max_chars"), "index.limits.max_chars", 1);
      Duration timeout =
          node.get("parse_timeout_seconds") == null
              ? d.parseTimeout()
              : Duration.ofSeconds(
                  number(
                      node.get("parse_timeout_seconds"), "index.limits.parse_timeout_seconds", 1));
      int depth =
          node.get("max_embedded_depth") == null
              ? d.maxEmbeddedDepth()
              : integer(node.get("max_embedded_depth"), "index.limits.max_embedded_depth", 0);
      long ratio =
          node.get("max_compression_ratio") == null
              ? d.maxCompressionRatio()
              : number(node.get("max_compression_ratio"), "index.limits.max_compression_ratio", 1);
      int parserHeap =
          node.get("parser_heap_mb") == null
              ? d.parserHeapMegabytes()
              : integer(node.get("parser_heap_mb"), "index.limits.parser_heap_mb", 64);
      return new ExtractionLimits(maxFileBytes, maxChars, timeout, depth, ratio, parserHeap);
    }

    private SourceConfig source(Map<String, Object> node, int i, Path base) throws IOException {
      String where = "sources[" + i + "]";
      if (node.containsKey("password")) {
        throw error(
            where + ": no password in the file; use password_env (a variable) or password_file");
      }
      unknown(node, SOURCE_KEYS, where);
      String name = string(node.get("name"), where + ".name");
      where = "source '" + name + "'";
      String type = string(node.get("type"), where + ".type").toLowerCase(Locale.ROOT);
      SourceConfig.SourceType kind =
          switch (type) {
            case "mbox", "maildir", "eml", "mail" -> SourceConfig.SourceType.MAIL;
            case "documents" -> SourceConfig.SourceType.DOCUMENTS;
            case "news" -> SourceConfig.SourceType.NEWS;
            case "imap" -> SourceConfig.SourceType.IMAP;
            default ->
                throw error(
                    where
                        + ": type '"
                        + type
                        + "' is not one of mbox, maildir, eml, documents, news, imap");
          };
      boolean isPublic =
          node.get("public") == null
              ? kind == SourceConfig.SourceType.NEWS
              : bool(node.get("public"), where + ".public");
      List<String> groups =
          node.get("groups") == null
              ? (isPublic ? List.of() : List.of("staff"))
              : strings(node.get("groups"), where + ".groups");
      try {
        if (kind != SourceConfig.SourceType.IMAP) {
          Path path = base.resolve(string(node.get("path"), where + ".path")).normalize();
          return new SourceConfig(name, kind, path, groups, isPublic);
        }
        return new SourceConfig(
            name, kind, Path.of("."), groups, isPublic, imap(node, where, base));
      } catch (IllegalArgumentException e) {
        throw error(where + ": " + e.getMessage());
      }
    }

    private ImapAccount imap(Map<String, Object> node, String where, Path base) throws IOException {
      String host = string(node.get("host"), where + ".host");
      String user = string(node.get("user"), where + ".user");
      boolean tls = node.get("tls") == null || bool(node.get("tls"), where + ".tls");
      int port =
          node.get("port") == null
              ? (tls ? 993 : 143)
              : integer(node.get("port"), where + ".port", 1);
      Map<String, Object> folders = section(node.get("folders"), where + ".folders");
      unknown(folders, Set.of("include", "exclude"), where + ".folders");
      List<String> include =
          folders.get("include") == null
              ? List.of()
              : strings(folders.get("include"), where + ".folders.include");
      List<String> exclude =
          folders.get("exclude") == null
              ? List.of()
              : strings(folders.get("exclude"), where + ".folders.exclude");
      String password = secrets ? password(node, where, base) : "";
      return new ImapAccount(host, port, tls, user, password, include, exclude);
    }

    private String password(Map<String, Object> node, String where, Path base) throws IOException {
      if (node.get("password_file") != null) {
        Path f = base.resolve(string(node.get("password_file"), where + ".password_file"));
        List<String> lines;
        try {
          lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw error(where + ": cannot read password_file " + f + ": " + e.getMessage());
        }
        if (lines.isEmpty() || lines.getFirst().isEmpty()) {
          throw error(where + ": password_file " + f + " is empty");
        }
        return lines.getFirst();
      }
      if (node.get("password_env") == null) {
        throw error(where + ": an IMAP source needs password_env or password_file");
      }
      String variable = string(node.get("password_env"), where + ".password_env");
      String value = env.get(variable);
      if (value == null || value.isEmpty()) {
        throw error(where + ": the environment variable " + variable + " is not set");
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(Object node, String where) throws IOException {
      if (node == null) {
        return Map.of();
      }
      if (node instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
      throw error(where + " must be a section (key: value lines), not '" + node + "'");
    }

    private void unknown(Map<String, Object> node, Set<String> known, String where)
        throws IOException {
      for (String key : node.keySet()) {
        if (!known.contains(key)) {
          throw error(
              where
                  + ": unknown key '"
                  + key
                  + "' (known: "
                  + new java.util.TreeSet<>(known)
                  + ")");
        }
      }
    }

    private String string(Object value, String where) throws IOException {
      if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
        throw error(where + " is missing or not a single value");
      }
      String s = String.valueOf(value).strip();
      if (s.isEmpty()) {
        throw error(where + " is empty");
      }
      return s;
    }

    private List<String> strings(Object value, String where) throws IOException {
      if (value instanceof List<?> list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
          out.add(string(o, where));
        }
        return out;
      }
      List<String> out = new ArrayList<>();
      for (String part : string(value, where).split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }

    private long number(Object value, String where, long min) throws IOException {
      long n;
      try {
        n = Long.parseLong(string(value, where));
      } catch (NumberFormatException e) {
        throw error(where + " must be a whole number, not '" + value + "'");
      }
      if (n < min) {
        throw error(where + " must be at least " + min);
      }
      return n;
    }

    private int integer(Object value, String where, int min) throws IOException {
      long n = number(value, where, min);
      if (n > Integer.MAX_VALUE) {
        throw error(where + " is too large");
      }
      return (int) n;
    }

    private boolean bool(Object value, String where) throws IOException {
      String s = string(value, where).toLowerCase(Locale.ROOT);
      return switch (s) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw error(where + " must be true or false, not '" + value + "'");
      };
    }

    private IOException error(String message) {
      return new IOException("config " + file + ": " + message);
    }
  }
}

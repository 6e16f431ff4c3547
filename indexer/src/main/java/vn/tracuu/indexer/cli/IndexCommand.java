package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.IndexLayout;
import vn.tracuu.indexer.IndexLock;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.RunReport;
import vn.tracuu.indexer.config.ImapAccount;
import vn.tracuu.indexer.config.IndexConfig;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;
import vn.tracuu.indexer.extract.ExtractionLimits;
import vn.tracuu.indexer.progress.ProgressBar;

/** {@code tracuu index}: reads the given sources and writes the index. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index mail, document archives and portal news into a Lucene index.",
      "Incremental: only new, changed and deleted items are touched; --rebuild builds a fresh",
      "index beside the live one and switches to it when complete.",
      "Sources come from --config FILE, or from the source options, which take [NAME=]PATH",
      "(NAME defaults to the file or folder name)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every item indexed",
      "1:fatal error, nothing committed (the live index is unchanged)",
      "2:wrong usage or configuration",
      "3:finished and committed, but some items failed (see the report)",
      "4:another indexer is running on this index"
    })
public final class IndexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The configuration file (YAML: index and sources; see docs/tracuu.example.yaml).")
  Path config;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index path (default with --config: index.path).")
  Path index;

  @Option(
      names = "--rebuild",
      description = "Build a fresh index beside the live one and switch to it when complete.")
  boolean rebuild;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Also write the JSON run report here (always written to INDEX.gens/last-run.json).")
  Path reportFile;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ProgressModeConverter.class,
      description = {
        "auto, bar, plain or none (default: ${DEFAULT-VALUE}): bar draws items done/total, rate",
        "and ETA on standard error; plain logs a line every 10 s (auto: bar on a terminal, else",
        "plain)."
      })
  ProgressBar.Mode progress;

  /** Lower-case mode names on the command line. */
  static final class ProgressModeConverter
      implements picocli.CommandLine.ITypeConverter<ProgressBar.Mode> {
    @Override
    public ProgressBar.Mode convert(String value) {
      try {
        return ProgressBar.Mode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected auto, bar, plain or none, not '" + value + "'");
      }
    }
  }

  @Option(
      names = "--mail",
      paramLabel = "[NAME=]PATH",
      description = "An mbox file, a Maildir tree or a folder of .eml files (repeatable).")
  List<String> mail = new ArrayList<>();

  @Option(
      names = "--imap",
      paramLabel = "[NAME=]imap[s]://USER@HOST[:PORT]",
      description = {
        "An IMAP or IMAPS account (repeatable). The password comes from --imap-password-file,",
        "else the environment variable named by --imap-password-env; never from the command line."
      })
  List<String> imap = new ArrayList<>();

  @Option(
      names = "--imap-password-env",
      paramLabel = "VAR",
      defaultValue = "TRACUU_IMAP_PASSWORD",
      description = "Environment variable holding the IMAP password (default: ${DEFAULT-VALUE}).")
  String imapPasswordEnv;

  @Option(
      names = "--imap-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the IMAP password.")
  Path imapPasswordFile;

  @Option(
      names = "--imap-include",
      paramLabel = "GLOB",
      description = "IMAP folders to read, e.g. 'INBOX' or 'Lưu trữ/*' (repeatable; default all).")
  List<String> imapInclude = new ArrayList<>();

  @Option(
      names = "--imap-exclude",
      paramLabel = "GLOB",
      description = "IMAP folders to leave out, e.g. 'Trash' or 'Junk' (repeatable).")
  List<String> imapExclude = new ArrayList<>();

  @Option(
      names = "--documents",
      paramLabel = "[NAME=]PATH",
      description = "A document archive folder: PDF, Office, HTML, scans (repeatable).")
  List<String> documents = new ArrayList<>();

  @Option(
      names = "--news",
      paramLabel = "[NAME=]PATH",
      description =
          "A folder of saved portal news pages, or an RSS/Atom feed or sitemap.xml listing saved"
              + " pages beside it; news is public (repeatable).")
  List<String> news = new ArrayList<>();

  @Option(
      names = "--groups",
      split = ",",
      paramLabel = "GROUP",
      defaultValue = "staff",
      description =
          "Access groups allowed to see the non-public sources (default: ${DEFAULT-VALUE}).")
  List<String> groups;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Extraction threads (default: the number of cores).")
  Integer threads;

  // ---- Per-file extraction limits (ExtractionLimits; unset options keep its defaults) ----

  @Option(
      names = "--max-file-size",
      paramLabel = "MB",
      description = "Largest file parsed, in MB; larger ones are reported (default: 200).")
  Long maxFileMegabytes;

  @Option(
      names = "--max-chars",
      paramLabel = "N",
      description =
          "Most characters of text kept per file; the rest is cut, noted as truncated"
              + " (default: 10000000).")
  Integer maxChars;

  @Option(
      names = "--parse-timeout",
      paramLabel = "SECONDS",
      description = "Longest parse of one file, OCR included; then it is stopped (default: 300).")
  Long parseTimeoutSeconds;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      description = "Deepest nesting of containers (zip in zip …) that is opened (default: 5).")
  Integer maxDepth;

  @Option(
      names = "--max-ratio",
      paramLabel = "N",
      description = "Zip-bomb guard: most bytes of output per byte of a file (default: 100).")
  Long maxRatio;

  @Option(
      names = "--parser-heap",
      paramLabel = "MB",
      description = "Heap of each parser process; a file needing more is reported (default: 768).")
  Integer parserHeapMegabytes;

  /** {@code base} (the configuration's limits, or the defaults) with the options given here. */
  ExtractionLimits limits(ExtractionLimits base) {
    ExtractionLimits limits = base;
    try {
      if (maxFileMegabytes != null) {
        limits = limits.withMaxFileBytes(maxFileMegabytes << 20);
      }
      if (maxChars != null) {
        limits = limits.withMaxChars(maxChars);
      }
      if (parseTimeoutSeconds != null) {
        limits = limits.withParseTimeout(java.time.Duration.ofSeconds(parseTimeoutSeconds));
      }
      if (maxDepth != null) {
        limits = limits.withMaxEmbeddedDepth(maxDepth);
      }
      if (maxRatio != null) {
        limits = limits.withMaxCompressionRatio(maxRatio);
      }
      if (parserHeapMegabytes != null) {
        limits = limits.withParserHeapMegabytes(parserHeapMegabytes);
      }
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return limits;
  }

  // ---- end of extraction limits ----

  @Override
  public Integer call() throws Exception {
    List<SourceConfig> sources = new ArrayList<>();
    IndexBuilder.Options defaults = IndexBuilder.Options.defaults();
    IndexBuilder.Options options = defaults;
    if (config != null) {
      IndexConfig file;
      try {
        file = IndexConfig.read(config);
      } catch (java.io.IOException e) {
        throw usage(e.getMessage());
      }
      sources.addAll(file.sources());
      options = new IndexBuilder.Options(file.threads(), file.limits(), file.ocr());
      if (index == null) {
        index = file.indexPath();
      }
      if (!file.overrides().isEmpty()) {
        spec.commandLine().getErr().println("config keys set by " + file.overrides());
      }
    }
    mail.forEach(s -> sources.add(source(s, SourceType.MAIL, false)));
    documents.forEach(s -> sources.add(source(s, SourceType.DOCUMENTS, false)));
    news.forEach(s -> sources.add(source(s, SourceType.NEWS, true)));
    for (String account : imap) {
      sources.add(imapSource(account));
    }
    if (index == null) {
      throw usage("no index: give --index DIR or --config FILE with index.path");
    }
    if (sources.isEmpty()) {
      throw usage(
          "nothing to index: give --config FILE or at least one --mail, --imap, --documents or"
              + " --news");
    }
    options =
        new IndexBuilder.Options(
            threads != null ? threads : options.threads(), limits(options.limits()), options.ocr());
    PrintWriter out = spec.commandLine().getOut();
    out.println("index: " + index.toAbsolutePath());
    out.flush();
    IndexLayout layout = new IndexLayout(index);
    java.time.Instant started = java.time.Instant.now();
    IndexReport report;
    try {
      IndexBuilder builder =
          new IndexBuilder(index, options).progress(progress, spec.commandLine().getErr());
      report = rebuild ? builder.rebuild(sources) : builder.build(sources);
    } catch (IndexLock.HeldException e) {
      spec.commandLine().getErr().println("tracuu index: " + e.getMessage());
      // The report file belongs to the running indexer: only --report gets this outcome.
      writeReport(
          null,
          RunReport.of(
              started, null, "already_running", ExitCodes.ALREADY_RUNNING, e.getMessage()));
      return ExitCodes.ALREADY_RUNNING;
    } catch (java.io.IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      spec.commandLine().getErr().println("tracuu index: fatal: " + message);
      writeReport(layout, RunReport.of(started, null, "fatal", ExitCodes.FATAL, message));
      return ExitCodes.FATAL;
    }
    for (IndexReport.Failure failure : report.failures()) {
      out.println(
          "failed: " + failure.source() + ":" + failure.locator() + ": " + failure.reason());
    }
    for (IndexReport.Failure skipped : report.skipped()) {
      out.println(
          "skipped: " + skipped.source() + ":" + skipped.locator() + ": " + skipped.reason());
    }
    out.println(report.summary());
    out.flush();
    int code = report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    writeReport(
        layout,
        RunReport.of(started, report, code == ExitCodes.OK ? "ok" : "some_failed", code, null));
    return code;
  }

  private void writeReport(IndexLayout layout, java.util.Map<String, Object> json) {
    try {
      if (layout != null) {
        RunReport.write(layout.reportFile(), json);
      }
      if (reportFile != null) {
        RunReport.write(reportFile, json);
      }
    } catch (java.io.IOException e) {
      spec.commandLine().getErr().println("tracuu index: cannot write the run report: " + e);
    }
  }

  private SourceConfig source(String spec, SourceType type, boolean isPublic) {
    int eq = spec.indexOf('=');
    Path path = Path.of(eq > 0 ? spec.substring(eq + 1) : spec);
    String name = eq > 0 ? spec.substring(0, eq) : defaultName(path);
    return new SourceConfig(name, type, path, isPublic ? List.of() : groups, isPublic);
  }

  private SourceConfig imapSource(String value) throws java.io.IOException {
    int eq = value.indexOf('=');
    String name = eq > 0 && !value.substring(0, eq).contains(":") ? value.substring(0, eq) : null;
    java.net.URI uri;
    try {
      uri = new java.net.URI(name == null ? value : value.substring(eq + 1));
    } catch (java.net.URISyntaxException e) {
      throw usage("--imap '" + value + "': " + e.getMessage());
    }
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("imap") && !scheme.equals("imaps")
        || uri.getHost() == null
        || uri.getUserInfo() == null) {
      throw usage("--imap '" + value + "': expected imap://USER@HOST[:PORT] or imaps://…");
    }
    if (uri.getUserInfo().contains(":")) {
      throw usage(
          "--imap: no password in the URL; use --imap-password-file or an environment variable");
    }
    boolean ssl = scheme.equals("imaps");
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 993 : 143;
    ImapAccount account =
        new ImapAccount(
            uri.getHost(), port, ssl, uri.getUserInfo(), imapPassword(), imapInclude, imapExclude);
    String sourceName = name != null ? name : defaultName(Path.of(uri.getHost()));
    return new SourceConfig(sourceName, SourceType.IMAP, Path.of("."), groups, false, account);
  }

  private String imapPassword() throws java.io.IOException {
    if (imapPasswordFile != null) {
      List<String> lines = java.nio.file.Files.readAllLines(imapPasswordFile);
      if (lines.isEmpty() || lines.getFirst().isEmpty()) {
        throw usage("--imap-password-file " + imapPasswordFile + " is empty");
      }
      return lines.getFirst();
    }
    String password = System.getenv(imapPasswordEnv);
    if (password == null || password.isEmpty()) {
      throw usage(
          "no IMAP password: set the environment variable "
              + imapPasswordEnv
              + " or give --imap-password-file");
    }
    return password;
  }

  private picocli.CommandLine.ParameterException usage(String message) {
    return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String defaultName(Path path) {
    Path file = path.toAbsolutePath().normalize().getFileName();
    String name = file == null ? "root" : file.toString().replaceAll("[^A-Za-z0-9._-]", "-");
    return name.replaceFirst("^[^A-Za-z0-9]+", "");
  }
}

package vn.tracuu.indexer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the indexer's command line in this JVM, as the launcher would. */
final class CliRun {

  private CliRun() {}

  /** The exit code, as text; standard output and errors go to {@code out}. */
  static String run(StringWriter out, String... args) {
    CommandLine cli = IndexerCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args) + "";
  }
}

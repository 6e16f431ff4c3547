package vn.tracuu.indexer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the indexer jar: {@code tracuu index …}. */
@Command(
    name = "tracuu",
    mixinStandardHelpOptions = true,
    version = "tracuu 0.1",
    description = "Indexes Vietnamese mail and document archives.",
    subcommands = {IndexCommand.class, StatusCommand.class, EvalCommand.class})
public final class IndexerCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new IndexerCli());
    cli.setExitCodeExceptionMapper(e -> ExitCodes.FATAL);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return ExitCodes.USAGE;
        });
    return cli;
  }
}

package vn.tracuu.indexer.cli;

/** Exit codes of the indexer commands, documented in the README. */
public final class ExitCodes {
  /** Everything indexed. */
  public static final int OK = 0;

  /** A fatal error: nothing was committed. */
  public static final int FATAL = 1;

  /** Wrong command-line usage. */
  public static final int USAGE = 2;

  /** The run finished and committed, but some items failed (listed in the report). */
  public static final int SOME_FAILED = 3;

  /** Another indexer is running on the same index; nothing was done. */
  public static final int ALREADY_RUNNING = 4;

  private ExitCodes() {}
}

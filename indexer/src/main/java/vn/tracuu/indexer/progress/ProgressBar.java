package vn.tracuu.indexer.progress;

import java.io.Console;
import java.util.Locale;

/**
 * The one-line progress bar of {@code tracuu index} on a terminal: items done of the total, rate
 * and ETA. Rendering is a pure function of the counts, the elapsed time and the width, so it is
 * tested without a clock or a terminal.
 */
public final class ProgressBar {

  /** How a run shows its progress. */
  public enum Mode {
    /** A bar when standard error is a terminal, else plain lines. */
    AUTO,
    /** A bar redrawn in place on standard error. */
    BAR,
    /** A log line every 10 seconds (cron logs). */
    PLAIN,
    /** Nothing. */
    NONE;

    /** {@link #AUTO} decided by {@link #stderrIsTerminal()}; other modes as they are. */
    public Mode resolve() {
      return this != AUTO ? this : stderrIsTerminal() ? BAR : PLAIN;
    }
  }

  /** Fewer columns than this and the bar itself is left out (the counts stay). */
  private static final int MIN_BAR = 10;

  private ProgressBar() {}

  /**
   * One line of progress, at most {@code width} characters when the width allows the counts.
   *
   * @param done items processed so far
   * @param total items expected, or a negative number when not known (no percentage, no ETA)
   * @param elapsedNanos time since the run started
   * @param width terminal columns
   */
  public static String render(long done, long total, long elapsedNanos, int width) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    double rate = done / seconds;
    String rateText = String.format(Locale.ROOT, "%.1f items/s", rate);
    if (total < 0) {
      return done + " items  " + rateText + "  " + duration(seconds) + " elapsed";
    }
    // A source may hold more than was counted (a file added meanwhile): never show over 100 %.
    long shownTotal = Math.max(total, done);
    double fraction = shownTotal == 0 ? 1 : (double) done / shownTotal;
    String eta = done == 0 ? "--:--" : duration((shownTotal - done) / rate);
    String counts =
        String.format(
            Locale.ROOT,
            " %d/%d %3d%%  %s  ETA %s",
            done,
            shownTotal,
            (int) Math.floor(fraction * 100),
            rateText,
            eta);
    int barWidth = width - counts.length() - 2;
    if (barWidth < MIN_BAR) {
      return counts.substring(1);
    }
    int filled = (int) Math.floor(fraction * barWidth);
    StringBuilder bar = new StringBuilder(width).append('[');
    bar.append("=".repeat(filled));
    if (filled < barWidth) {
      bar.append('>').append(" ".repeat(barWidth - filled - 1));
    }
    return bar.append(']').append(counts).toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour on. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * Whether standard error is a terminal. The launcher knows ({@code [ -t 2 ]}) and says so in
   * {@code tracuu.stderr.terminal}; without it, the JVM's console stands in (it reflects standard
   * input and output, which are terminals too in an interactive run and not under cron).
   */
  public static boolean stderrIsTerminal() {
    String told = System.getProperty("tracuu.stderr.terminal");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ gives a console even when redirected; isTerminal() then tells (not in Java 21).
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Terminal columns: {@code tracuu.terminal.columns} (set by the launcher), COLUMNS, else 80. */
  public static int terminalWidth() {
    for (String value :
        new String[] {System.getProperty("tracuu.terminal.columns"), System.getenv("COLUMNS")}) {
      try {
        if (value != null && Integer.parseInt(value.trim()) > 0) {
          return Integer.parseInt(value.trim());
        }
      } catch (NumberFormatException e) {
        // not a number: try the next
      }
    }
    return 80;
  }
}

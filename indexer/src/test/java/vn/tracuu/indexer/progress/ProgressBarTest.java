package vn.tracuu.indexer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bar is a pure function of counts, elapsed time and width: no clock, no terminal. */
class ProgressBarTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void knownTotalShowsBarCountsRateAndEta() {
    // 250 of 1000 in 10 s: 25 items/s, 750 left → 30 s.
    String line = ProgressBar.render(250, 1000, 10 * SECOND, 80);
    assertEquals(80, line.length(), line);
    // 40 columns of bar, a quarter of them filled.
    assertTrue(line.startsWith("[" + "=".repeat(10) + ">" + " ".repeat(29) + "]"), line);
    assertTrue(line.endsWith("] 250/1000  25%  25.0 items/s  ETA 0:30"), line);
  }

  @Test
  void fullBarAtTheEnd() {
    String line = ProgressBar.render(40, 40, 2 * SECOND, 60);
    assertEquals(60, line.length(), line);
    assertFalse(line.contains(">"), line);
    assertFalse(line.contains(" ]"), line);
    assertTrue(line.endsWith("] 40/40 100%  20.0 items/s  ETA 0:00"), line);
  }

  @Test
  void moreItemsThanCountedNeverGoesOver100Percent() {
    String line = ProgressBar.render(12, 10, SECOND, 80);
    assertTrue(line.contains(" 12/12 100%"), line);
  }

  @Test
  void unknownTotalShowsCountRateAndElapsedWithoutBar() {
    String line = ProgressBar.render(4000, SourceCounter.UNKNOWN, 3725 * SECOND, 80);
    assertEquals("4000 items  1.1 items/s  1:02:05 elapsed", line);
  }

  @Test
  void nothingDoneYetHasNoEta() {
    String line = ProgressBar.render(0, 500, 0, 80);
    assertTrue(line.endsWith("0/500   0%  0.0 items/s  ETA --:--"), line);
    assertTrue(line.startsWith("[>  "), line);
  }

  @Test
  void narrowTerminalKeepsTheCountsAndDropsTheBar() {
    String line = ProgressBar.render(5, 10, SECOND, 30);
    assertEquals("5/10  50%  5.0 items/s  ETA 0:01", line);
  }

  @Test
  void durationsInMinutesAndHours() {
    assertEquals("0:59", ProgressBar.duration(59.4));
    assertEquals("1:00", ProgressBar.duration(59.6));
    assertEquals("59:59", ProgressBar.duration(3599));
    assertEquals("2:00:00", ProgressBar.duration(7200));
  }

  @Test
  void launcherSettingDecidesAuto() {
    String before = System.getProperty("tracuu.stderr.terminal");
    try {
      System.setProperty("tracuu.stderr.terminal", "false");
      assertEquals(ProgressBar.Mode.PLAIN, ProgressBar.Mode.AUTO.resolve());
      System.setProperty("tracuu.stderr.terminal", "true");
      assertEquals(ProgressBar.Mode.BAR, ProgressBar.Mode.AUTO.resolve());
      assertEquals(ProgressBar.Mode.NONE, ProgressBar.Mode.NONE.resolve());
    } finally {
      if (before == null) {
        System.clearProperty("tracuu.stderr.terminal");
      } else {
        System.setProperty("tracuu.stderr.terminal", before);
      }
    }
  }
}

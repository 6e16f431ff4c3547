package vn.tracuu.indexer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenKeysTest {

  @Test
  void aKeySeenAgainIsNeverTakenForNew() {
    SeenKeys seen = new SeenKeys();
    assertTrue(seen.firstTime("id\0mail:hop-thu:<a@so.gov.vn>"));
    assertFalse(seen.firstTime("id\0mail:hop-thu:<a@so.gov.vn>"));
    assertTrue(seen.firstTime("state_key\0hop-thu:cur/1"));
    assertFalse(seen.firstTime("state_key\0hop-thu:cur/1"));
  }

  @Test
  void distinctKeysAreNearlyAlwaysNew() {
    // 200,000 keys in 2^25 bits: about 600 expected to share a bit; each only costs an update.
    SeenKeys seen = new SeenKeys();
    int firstTimes = 0;
    for (int i = 0; i < 200_000; i++) {
      if (seen.firstTime("id\0mail:hop-thu:<" + i + "@so.gov.vn>")) {
        firstTimes++;
      }
    }
    assertTrue(firstTimes > 198_000, "first times: " + firstTimes);
    for (int i = 0; i < 200_000; i++) {
      assertFalse(seen.firstTime("id\0mail:hop-thu:<" + i + "@so.gov.vn>"));
    }
  }
}

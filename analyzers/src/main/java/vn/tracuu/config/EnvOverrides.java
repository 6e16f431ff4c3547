package vn.tracuu.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables override keys of the configuration file (indexer and server read the same
 * file). The name is {@code TRACUU_} and the key's path in upper case joined by {@code _}; a list
 * of named entries ({@code sources:}) is addressed by the entry's name: {@code
 * TRACUU_INDEX_THREADS=4} sets {@code index.threads}, {@code
 * TRACUU_SOURCES_MAILBOX_PATH=/srv/a.mbox} sets {@code path} of the source named {@code mailbox},
 * {@code TRACUU_SERVER_PORT=8080} sets {@code server.port}. A variable may add a key inside an
 * existing section; at the top level only existing sections are matched, so unrelated {@code
 * TRACUU_*} variables (TRACUU_DATA) are left alone. A list value is written comma-separated ({@code
 * TRACUU_SOURCES_ARCHIVE_GROUPS=a,b}).
 *
 * <p>Works on the plain tree (maps, lists, scalars) a YAML reader gives, so that both modules can
 * use it without sharing a YAML library here.
 */
public final class EnvOverrides {

  public static final String PREFIX = "TRACUU_";

  private EnvOverrides() {}

  /**
   * Applies the overrides in {@code env} to {@code tree} (modified in place, maps and lists made
   * mutable) and returns the names of the variables that were applied.
   */
  public static List<String> apply(Map<String, Object> tree, Map<String, String> env) {
    List<String> applied = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
        continue;
      }
      if (set(tree, name.substring(PREFIX.length()), e.getValue(), true)) {
        applied.add(name);
      }
    }
    return applied;
  }

  @SuppressWarnings("unchecked")
  private static boolean set(Map<String, Object> map, String rest, String value, boolean top) {
    // Longest key first, so "MAX_FILE_BYTES" wins over "MAX".
    String best = null;
    for (String key : map.keySet()) {
      String k = normal(key);
      if ((rest.equals(k) || rest.startsWith(k + "_"))
          && (best == null || k.length() > best.length())) {
        best = key;
      }
    }
    if (best == null) {
      if (top || rest.contains("__")) {
        return false;
      }
      map.put(rest.toLowerCase(Locale.ROOT), value);
      return true;
    }
    String k = normal(best);
    Object current = map.get(best);
    if (rest.equals(k)) {
      if (current instanceof Map<?, ?> || current instanceof List<?> l && isNamedList(l)) {
        return false; // a whole section cannot be replaced by one string
      }
      map.put(best, current instanceof List<?> ? splitList(value) : value);
      return true;
    }
    String tail = rest.substring(k.length() + 1);
    if (current instanceof Map<?, ?> child) {
      Map<String, Object> mutable = new LinkedHashMap<>((Map<String, Object>) child);
      boolean done = set(mutable, tail, value, false);
      if (done) {
        map.put(best, mutable);
      }
      return done;
    }
    if (current instanceof List<?> list && isNamedList(list)) {
      List<Object> mutable = new ArrayList<>(list);
      Map<String, Object> match = null;
      int at = -1;
      String matchedName = "";
      for (int i = 0; i < mutable.size(); i++) {
        Map<String, Object> entry = (Map<String, Object>) mutable.get(i);
        String n = normal(String.valueOf(entry.get("name")));
        if (tail.startsWith(n + "_") && n.length() > matchedName.length()) {
          match = entry;
          at = i;
          matchedName = n;
        }
      }
      if (match == null) {
        return false;
      }
      Map<String, Object> entry = new LinkedHashMap<>(match);
      boolean done = set(entry, tail.substring(matchedName.length() + 1), value, false);
      if (done) {
        mutable.set(at, entry);
        map.put(best, mutable);
      }
      return done;
    }
    return false;
  }

  private static boolean isNamedList(List<?> list) {
    return !list.isEmpty()
        && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") != null);
  }

  private static List<String> splitList(String value) {
    List<String> items = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        items.add(part.strip());
      }
    }
    return items;
  }

  /** The environment form of a key or source name: upper case, anything else than A-Z0-9 → _. */
  public static String normal(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}

package vn.tracuu.indexer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import vn.tracuu.schema.Kind;

/** What an indexing run did: counts per kind, and every item it could not index with the reason. */
public final class IndexReport {

  /** An item that was not indexed. */
  public record Failure(String source, String locator, String reason) {}

  private final Map<Kind, AtomicLong> recordsByKind = new EnumMap<>(Kind.class);
  private final AtomicLong items = new AtomicLong();
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private volatile long millis;

  IndexReport() {
    for (Kind kind : Kind.values()) {
      recordsByKind.put(kind, new AtomicLong());
    }
  }

  void itemSeen() {
    items.incrementAndGet();
  }

  void recordWritten(Kind kind) {
    recordsByKind.get(kind).incrementAndGet();
  }

  void failed(String source, String locator, String reason) {
    failures.add(new Failure(source, locator, reason));
  }

  void finished(long millis) {
    this.millis = millis;
  }

  /** Items listed by the sources (messages, files, pages). */
  public long items() {
    return items.get();
  }

  public long records(Kind kind) {
    return recordsByKind.get(kind).get();
  }

  public long records() {
    return recordsByKind.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  public long millis() {
    return millis;
  }

  /** One line for logs and cron mail. */
  public String summary() {
    StringBuilder kinds = new StringBuilder();
    for (Kind kind : Kind.values()) {
      long n = records(kind);
      if (n > 0) {
        kinds.append(kinds.isEmpty() ? "" : ", ").append(kind.id()).append(' ').append(n);
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "indexed %d records from %d items (%s); %d failed; %.1f s",
        records(),
        items(),
        kinds.isEmpty() ? "none" : kinds,
        failures.size(),
        millis / 1000.0);
  }
}

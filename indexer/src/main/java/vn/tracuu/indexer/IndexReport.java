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
  private final List<Failure> skipped = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong recordsDeleted = new AtomicLong();
  private volatile boolean rebuilt;
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

  /** A file under a source that holds no item (not mail, server bookkeeping), with the reason. */
  void skipped(String source, String locator, String reason) {
    skipped.add(new Failure(source, locator, reason));
  }

  /** A message already written from another folder or file: merged into the first. */
  void duplicate() {
    duplicates.incrementAndGet();
  }

  /** A source item that was not in the index before this run. */
  void itemAdded() {
    added.incrementAndGet();
  }

  /** A source item whose content changed since the last run. */
  void itemUpdated() {
    updated.incrementAndGet();
  }

  /** A source item that is gone from its source; its records left the index. */
  void itemDeleted() {
    deleted.incrementAndGet();
  }

  /** A source item unchanged since the last run (not read again). */
  void itemUnchanged() {
    unchanged.incrementAndGet();
  }

  void recordDeleted() {
    recordsDeleted.incrementAndGet();
  }

  void rebuilt(boolean rebuilt) {
    this.rebuilt = rebuilt;
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

  /** Files that held no item, with the reason (they are not failures: nothing was lost). */
  public List<Failure> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }

  /** Messages seen again (same Message-ID or content) and merged into one record. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Items new since the last run. */
  public long added() {
    return added.get();
  }

  /** Items changed since the last run. */
  public long updated() {
    return updated.get();
  }

  /** Items gone from their sources since the last run. */
  public long deleted() {
    return deleted.get();
  }

  /** Items unchanged since the last run, not read again. */
  public long unchanged() {
    return unchanged.get();
  }

  /** Records removed from the index because their items are gone. */
  public long recordsDeleted() {
    return recordsDeleted.get();
  }

  /** Whether this run built a fresh index generation. */
  public boolean rebuilt() {
    return rebuilt;
  }

  public long millis() {
    return millis;
  }

  /**
   * One line for logs and cron mail: what changed (items added, updated, deleted, failed, skipped,
   * unchanged), the records written by kind, and the time.
   */
  public String summary() {
    StringBuilder kinds = new StringBuilder();
    for (Kind kind : Kind.values()) {
      long n = records(kind);
      if (n > 0) {
        kinds.append(kinds.isEmpty() ? "" : ", ").append(kind.id()).append(' ').append(n);
      }
    }
    StringBuilder extra = new StringBuilder();
    if (duplicates.get() > 0) {
      extra.append("; ").append(duplicates.get()).append(" duplicates merged");
    }
    return String.format(
        java.util.Locale.ROOT,
        "%s: added %d, updated %d, deleted %d, failed %d, skipped %d, unchanged %d; "
            + "indexed %d records (%s)%s; %.1f s",
        rebuilt ? "rebuild" : "update",
        added(),
        updated(),
        deleted(),
        failures.size(),
        skipped.size(),
        unchanged(),
        records(),
        kinds.isEmpty() ? "none" : kinds,
        extra,
        millis / 1000.0);
  }
}

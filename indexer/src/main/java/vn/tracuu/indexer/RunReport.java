package vn.tracuu.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tracuu.schema.Kind;

/**
 * The JSON report of an indexing run: when, the outcome and exit code, the counts, and every failed
 * and skipped item with its reason. The indexer writes it beside the index generations ({@link
 * IndexLayout#reportFile()}) after every run, also a failed one, and {@code tracuu status} reads
 * it.
 */
public final class RunReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReport() {}

  /**
   * The report as a JSON tree.
   *
   * @param report the run's report, or null when the run ended before it had one
   * @param outcome "ok", "some_failed", "fatal" or "already_running"
   * @param error the fatal error, or null
   */
  public static Map<String, Object> of(
      Instant started, IndexReport report, String outcome, int exitCode, String error) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", started.toString());
    json.put("finished", Instant.now().toString());
    json.put("outcome", outcome);
    json.put("exit_code", exitCode);
    if (error != null) {
      json.put("error", error);
    }
    if (report != null) {
      json.put("summary", report.summary());
      json.put("rebuild", report.rebuilt());
      json.put("seconds", report.millis() / 1000.0);
      json.put("added", report.added());
      json.put("updated", report.updated());
      json.put("deleted", report.deleted());
      json.put("unchanged", report.unchanged());
      json.put("failed", report.failures().size());
      json.put("skipped", report.skipped().size());
      Map<String, Long> records = new LinkedHashMap<>();
      for (Kind kind : Kind.values()) {
        records.put(kind.id(), report.records(kind));
      }
      json.put("records_written", records);
      json.put("records_deleted", report.recordsDeleted());
      json.put("failures", items(report.failures()));
      json.put("skipped_items", items(report.skipped()));
    }
    return json;
  }

  private static List<Map<String, String>> items(List<IndexReport.Failure> failures) {
    List<Map<String, String>> out = new ArrayList<>();
    for (IndexReport.Failure f : failures) {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("source", f.source());
      item.put("locator", f.locator());
      item.put("reason", f.reason());
      out.add(item);
    }
    return out;
  }

  /** Writes {@code json} to {@code file} whole or not at all (a temporary file renamed). */
  public static void write(Path file, Map<String, Object> json) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".report", ".json");
    try {
      JSON.writeValue(temp.toFile(), json);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The report at {@code file}, if there is one. */
  public static Optional<JsonNode> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(JSON.readTree(file.toFile()));
  }
}

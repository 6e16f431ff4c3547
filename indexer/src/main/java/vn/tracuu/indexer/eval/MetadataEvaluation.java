package vn.tracuu.indexer.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.tracuu.analysis.VietnameseNormalizer;
import vn.tracuu.indexer.enrich.OfficialDocumentParser;
import vn.tracuu.indexer.enrich.OfficialDocumentParser.OfficialMetadata;
import vn.tracuu.indexer.extract.ExtractionException;
import vn.tracuu.indexer.extract.TextExtractor;

/**
 * Scores official-document metadata extraction against a gold TSV (columns: file, so_hieu,
 * loai_van_ban, noi_ban_hanh, nguoi_ky, ngay_ban_hanh as dd/mm/yyyy). Each document file is read
 * through the production path (Tika text, then {@link OfficialDocumentParser}); a file matches a
 * gold row when the parts of their names before the first dot are equal.
 */
public final class MetadataEvaluation {

  /** The scored fields, in the order of the summary line. */
  public enum Field {
    SO_HIEU("so_hieu"),
    NGAY("ngay"),
    LOAI("loai"),
    NOI("noi"),
    NGUOI_KY("nguoi_ky");

    public final String label;

    Field(String label) {
      this.label = label;
    }
  }

  /** One gold row. */
  public record Gold(
      String key, String number, String type, String agency, String signer, LocalDate date) {}

  /** A wrong or missing value. */
  public record Miss(String file, Field field, String expected, String actual) {}

  /** The outcome: per-field counts, the misses, gold rows without a file and unreadable files. */
  public record Result(
      int documents,
      Map<Field, Integer> correct,
      List<Miss> misses,
      List<String> withoutFile,
      List<String> failures) {

    public double accuracy(Field field) {
      return documents == 0 ? 0 : correct.getOrDefault(field, 0) / (double) documents;
    }

    /** The machine-readable summary: {@code so_hieu=0.xx ngay=0.xx …}. */
    public String summaryLine() {
      StringBuilder line = new StringBuilder();
      for (Field f : Field.values()) {
        if (!line.isEmpty()) {
          line.append(' ');
        }
        line.append(f.label).append('=').append(String.format(Locale.ROOT, "%.2f", accuracy(f)));
      }
      return line.toString();
    }
  }

  private static final DateTimeFormatter GOLD_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
  private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  private final Function<Path, String> textOf;
  private final OfficialDocumentParser parser = new OfficialDocumentParser();

  /**
   * @param textOf the text of one document file; throws {@link UncheckedExtraction} when unreadable
   */
  public MetadataEvaluation(Function<Path, String> textOf) {
    this.textOf = textOf;
  }

  /** Reads files the way the indexer does: Tika for every format. */
  public static MetadataEvaluation withTika(TextExtractor extractor) {
    return new MetadataEvaluation(
        file -> {
          try (InputStream in = Files.newInputStream(file)) {
            return extractor.extract(in, file.getFileName().toString()).text();
          } catch (IOException e) {
            throw new UncheckedExtraction("cannot read: " + e.getMessage());
          } catch (ExtractionException e) {
            throw new UncheckedExtraction(e.getMessage());
          }
        });
  }

  /** A file that could not be turned into text. */
  public static final class UncheckedExtraction extends RuntimeException {
    public UncheckedExtraction(String reason) {
      super(reason);
    }
  }

  /** Reads the gold TSV; the first line is a header. */
  public static List<Gold> readGold(Path tsv) throws IOException {
    List<Gold> gold = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length < 6) {
        throw new IOException(
            tsv + " line " + (i + 1) + ": expected 6 tab-separated columns, found " + c.length);
      }
      LocalDate date;
      try {
        date = c[5].isBlank() ? null : LocalDate.parse(c[5].strip(), GOLD_DATE);
      } catch (DateTimeParseException e) {
        throw new IOException(tsv + " line " + (i + 1) + ": bad date '" + c[5] + "'", e);
      }
      gold.add(new Gold(stem(c[0].strip()), c[1], c[2], c[3], c[4], date));
    }
    return gold;
  }

  /** Scores every file in {@code docs} that has a gold row, on {@code threads} threads. */
  public Result run(Path docs, List<Gold> gold, int threads)
      throws IOException, InterruptedException {
    Map<String, List<Path>> filesByKey = new TreeMap<>();
    try (Stream<Path> files = Files.list(docs)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              f ->
                  filesByKey
                      .computeIfAbsent(stem(f.getFileName().toString()), k -> new ArrayList<>())
                      .add(f));
    }
    List<String> withoutFile = new ArrayList<>();
    List<Map.Entry<Gold, Path>> work = new ArrayList<>();
    for (Gold g : gold) {
      List<Path> files = filesByKey.get(g.key());
      if (files == null) {
        withoutFile.add(g.key());
      } else {
        files.stream().sorted().forEach(f -> work.add(Map.entry(g, f)));
      }
    }

    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    List<Future<List<Miss>>> futures = new ArrayList<>();
    try {
      for (var entry : work) {
        futures.add(pool.submit(() -> score(entry.getKey(), entry.getValue())));
      }
      Map<Field, Integer> correct = new EnumMap<>(Field.class);
      List<Miss> misses = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        List<Miss> fileMisses;
        try {
          fileMisses = futures.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          String file = work.get(i).getValue().getFileName().toString();
          failures.add(file + ": " + e.getCause().getMessage());
          fileMisses = allMissed(work.get(i).getKey(), file);
        }
        misses.addAll(fileMisses);
        for (Field f : Field.values()) {
          if (fileMisses.stream().noneMatch(m -> m.field() == f)) {
            correct.merge(f, 1, Integer::sum);
          }
        }
      }
      return new Result(work.size(), correct, misses, withoutFile, failures);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Miss> score(Gold gold, Path file) {
    String name = file.getFileName().toString();
    OfficialMetadata found = parser.parse(textOf.apply(file));
    List<Miss> misses = new ArrayList<>();
    check(misses, name, Field.SO_HIEU, gold.number(), found.number(), false);
    String date = found.issueDate() == null ? null : found.issueDate().format(SHOWN_DATE);
    if (gold.date() == null ? found.issueDate() != null : !gold.date().equals(found.issueDate())) {
      misses.add(
          new Miss(
              name, Field.NGAY, gold.date() == null ? "" : gold.date().format(SHOWN_DATE), date));
    }
    check(misses, name, Field.LOAI, gold.type(), found.type(), false);
    check(misses, name, Field.NOI, gold.agency(), found.agency(), true);
    check(misses, name, Field.NGUOI_KY, gold.signer(), found.signer(), false);
    return misses;
  }

  private static void check(
      List<Miss> misses,
      String file,
      Field field,
      String expected,
      String actual,
      boolean containment) {
    String e = comparable(expected);
    String a = comparable(actual);
    boolean right = containment ? !e.isEmpty() && a.contains(e) || e.equals(a) : e.equals(a);
    if (!right) {
      misses.add(new Miss(file, field, expected, actual));
    }
  }

  private static List<Miss> allMissed(Gold gold, String file) {
    String date = gold.date() == null ? "" : gold.date().format(SHOWN_DATE);
    return List.of(
        new Miss(file, Field.SO_HIEU, gold.number(), null),
        new Miss(file, Field.NGAY, date, null),
        new Miss(file, Field.LOAI, gold.type(), null),
        new Miss(file, Field.NOI, gold.agency(), null),
        new Miss(file, Field.NGUOI_KY, gold.signer(), null));
  }

  /**
   * Case- and white-space-insensitive form; tone marks are placed one way ("hoá" = "hóa") so that
   * spelling conventions do not count as errors.
   */
  static String comparable(String value) {
    if (value == null) {
      return "";
    }
    return VietnameseNormalizer.normalize(value)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\u00A0]+", " ")
        .strip();
  }

  static String stem(String fileName) {
    int dot = fileName.indexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }
}

package vn.tracuu.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.tracuu.indexer.IndexBuilder;
import vn.tracuu.indexer.IndexReport;
import vn.tracuu.indexer.config.SourceConfig;
import vn.tracuu.indexer.config.SourceConfig.SourceType;

/** The repository's samples/ archive, its manifest, and an index of it built by the indexer. */
final class SampleArchive {

  /** One manifest row: a searchable item with its Vietnam-local day. */
  record Item(
      String path, String kind, String date, String title, String messageId, boolean mentionsCqdt) {

    /** The id the indexer gives the item, or for attachments "parent-id!file name". */
    String key() {
      return switch (kind) {
        case "email" -> "mail:" + mailSource() + ":" + messageId;
        case "attachment" -> "mail:" + mailSource() + ":" + messageId + "!" + title;
        case "document" -> "file:archive:" + path.substring("documents/".length());
        case "news" -> "news:portal:" + path.substring("news/".length());
        default -> throw new IllegalStateException("unknown kind " + kind);
      };
    }

    private String mailSource() {
      return path.startsWith("mail/maildir/") ? "maildir" : "mailbox";
    }
  }

  static Path root() {
    String configured = System.getProperty("tracuu.repo.root");
    Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("samples/manifest.tsv"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "samples/manifest.tsv not found above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("samples");
  }

  /** The sources the demo indexes, with the same names. */
  static List<SourceConfig> sources() {
    Path samples = root();
    List<String> staff = List.of("staff");
    return List.of(
        new SourceConfig(
            "mailbox", SourceType.MAIL, samples.resolve("mail/hoa-son-2019.mbox"), staff, false),
        new SourceConfig("maildir", SourceType.MAIL, samples.resolve("mail/maildir"), staff, false),
        new SourceConfig(
            "archive", SourceType.DOCUMENTS, samples.resolve("documents"), staff, false),
        new SourceConfig("portal", SourceType.NEWS, samples.resolve("news"), List.of(), true));
  }

  static IndexReport index(Path indexDir) throws IOException {
    return new IndexBuilder(indexDir, IndexBuilder.Options.defaults()).build(sources());
  }

  static List<Item> manifest() throws IOException {
    List<Item> items = new ArrayList<>();
    List<String> lines = Files.readAllLines(root().resolve("manifest.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      items.add(new Item(f[0], f[1], f[2], f[3], f[4], f[5].equals("yes")));
    }
    return items;
  }

  private SampleArchive() {}
}

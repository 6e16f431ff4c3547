package vn.tracuu.indexer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One configured source of the archive.
 *
 * @param name short stable name; part of every record id, so renaming it re-indexes the source
 * @param type what the path holds
 * @param root the folder or file to read
 * @param groups access groups allowed to see its records
 * @param isPublic whether anonymous portal visitors may see its records (news)
 * @param imap the account of an {@link SourceType#IMAP} source (its root is then unused)
 */
public record SourceConfig(
    String name,
    SourceType type,
    Path root,
    List<String> groups,
    boolean isPublic,
    ImapAccount imap) {

  public SourceConfig(
      String name, SourceType type, Path root, List<String> groups, boolean isPublic) {
    this(name, type, root, groups, isPublic, null);
  }

  public SourceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(root, "root");
    if ((type == SourceType.IMAP) != (imap != null)) {
      throw new IllegalArgumentException("an IMAP source, and only one, needs an IMAP account");
    }
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "source name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    groups = List.copyOf(groups);
  }

  /** The kinds of source tracuu reads. */
  public enum SourceType {
    /** mbox files, Maildir trees and .eml files (auto-detected under the root). */
    MAIL,
    /** A document archive: folders of PDF, Office, HTML, scans. */
    DOCUMENTS,
    /** Saved portal news pages (HTML). */
    NEWS,
    /** The folders of an IMAP or IMAPS account. */
    IMAP
  }
}

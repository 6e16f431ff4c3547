package vn.tracuu.schema;

import java.util.Locale;

/** What an indexed record is. The API and the facets use the lowercase name. */
public enum Kind {
  /** One e-mail message (thư điện tử). */
  EMAIL,
  /** A file attached to an e-mail; its parent is the message. */
  ATTACHMENT,
  /** A file from a document archive (văn bản). */
  DOCUMENT,
  /** A file inside a container (zip, tar…) of the archive; its parent is the container. */
  MEMBER,
  /** A public portal news page (tin tức). */
  NEWS;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an API/stored name; throws {@link IllegalArgumentException} with the accepted names. */
  public static Kind fromId(String id) {
    for (Kind kind : values()) {
      if (kind.id().equalsIgnoreCase(id.strip())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown type '" + id + "': use one of email, attachment, document, member, news");
  }
}

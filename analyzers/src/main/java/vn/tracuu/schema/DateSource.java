package vn.tracuu.schema;

import java.util.Locale;

/** Where a record's date came from, stored beside it so that users can judge it. */
public enum DateSource {
  /** The Date header of a message. */
  HEADER,
  /** The newest Received header of a message that had no usable Date. */
  RECEIVED,
  /** The issue date of an official document (ngày ban hành) from its place-date line. */
  ISSUE_DATE,
  /** A date found in the page of a news article (meta tag or the Vietnamese date line). */
  PUBLISHED,
  /** A date from the file's own metadata (PDF/Office creation or modification). */
  METADATA,
  /** The file's modification time: nothing better was found. */
  FILE_TIME;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

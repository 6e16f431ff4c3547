package vn.tracuu.indexer.extract;

/** An item could not be extracted; the message is the reason shown in the failure report. */
public final class ExtractionException extends Exception {
  public ExtractionException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public ExtractionException(String reason) {
    super(reason);
  }
}

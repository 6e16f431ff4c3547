package vn.tracuu.api;

/** The request cannot be answered as asked; the message tells the client what to change. */
public final class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}

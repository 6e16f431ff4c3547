package vn.tracuu.indexer.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * An IMAP or IMAPS account to index. The password is resolved by the caller from an environment
 * variable or a file, never taken from the command line (it would show in {@code ps}).
 *
 * @param include folder globs to read ("*" every folder; "Lưu trữ/*"), empty = all
 * @param exclude folder globs to leave out (Trash, Junk…)
 */
public record ImapAccount(
    String host,
    int port,
    boolean ssl,
    String user,
    String password,
    List<String> include,
    List<String> exclude) {

  public ImapAccount {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** Whether folder {@code name} (with "/" as separator) is to be read. */
  public boolean wants(String name) {
    boolean included = include.isEmpty() || include.stream().anyMatch(g -> matches(g, name));
    return included && exclude.stream().noneMatch(g -> matches(g, name));
  }

  private static boolean matches(String glob, String name) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    return matcher.matches(Path.of(name));
  }

  @Override
  public String toString() {
    return (ssl ? "imaps://" : "imap://") + user + "@" + host + ":" + port;
  }
}

package vn.tracuu.api;

import java.util.Set;

/**
 * Who is asking: an authenticated user or token with its access groups, or an anonymous visitor (no
 * groups: public records only).
 */
public record Caller(String name, Set<String> groups, boolean authenticated) {

  public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), false);

  public Caller {
    groups = Set.copyOf(groups);
  }

  public static Caller staff(String name, Set<String> groups) {
    return new Caller(name, groups, true);
  }
}

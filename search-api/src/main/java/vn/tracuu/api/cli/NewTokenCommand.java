package vn.tracuu.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.tracuu.api.Passwords;

/** {@code tracuu serve new-token}: a random API token and the digest to configure. */
@Command(
    name = "new-token",
    mixinStandardHelpOptions = true,
    description =
        "Print a new random API token (give it to the tool) and its sha256 (put it in"
            + " auth.tokens[].sha256).")
public final class NewTokenCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    String token = Passwords.newToken();
    System.out.println("token:  " + token);
    System.out.println("sha256: " + Passwords.sha256(token));
    return 0;
  }
}

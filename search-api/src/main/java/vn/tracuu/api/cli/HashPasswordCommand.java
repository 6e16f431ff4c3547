package vn.tracuu.api.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import vn.tracuu.api.Passwords;

/** {@code tracuu serve hash-password}: the password_hash of a user for the server configuration. */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description =
        "Read a password (typed, or one line from standard input) and print its hash for"
            + " auth.users[].password_hash.")
public final class HashPasswordCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    char[] password;
    Console console = System.console();
    if (console != null) {
      password = console.readPassword("password: ");
    } else {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? null : line.toCharArray();
    }
    if (password == null || password.length == 0) {
      System.err.println("tracuu serve hash-password: no password given");
      return 2;
    }
    System.out.println(Passwords.hash(password));
    return 0;
  }
}

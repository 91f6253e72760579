package org.webwatch.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.WebwatchException;
import org.webwatch.casework.Role;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import org.webwatch.store.users.User;
import org.webwatch.store.users.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages the users of the web application. There is no default account: the first admin is added here. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Add, list and disable users of the web application; issue API tokens.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.Token.class},
    footer = {"", "Example:", "  printf '%%s\\n' \"$PASSWORD\" | ./webwatch user add alice --role admin --password-stdin"})
public final class UserCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static WebwatchStore open(Path data) {
    return WebwatchStore.open(data);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (password read from stdin, never from the command line).",
      footer = {"", "Example:", "  ./webwatch user add bob --role investigator --password-stdin < pw.txt"})
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", description = "user name (letters, digits, . _ -)") String name;
    @Option(names = "--role", required = true, description = "admin, investigator or viewer") String role;
    @Option(names = "--password-stdin", required = true, description = "read the password (first line) from standard input") boolean stdin;
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default: ${DEFAULT-VALUE})") Path data;

    @Override
    public Integer call() throws Exception {
      String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (password == null) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "no password on standard input");
      WebwatchStore store = open(data);
      User u = new UserRepository(store).add(name, Role.fromCode(role), password, System.currentTimeMillis());
      new AuditLog(store).append(System.currentTimeMillis(), "cli", "user.add", "user:" + name, java.util.Map.of("role", role));
      System.out.println("added " + u.name() + " (" + u.role().code() + ")");
      return WebwatchCli.EXIT_OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.", footer = {"", "Example:", "  ./webwatch user list"})
  static final class ListUsers implements Callable<Integer> {
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory") Path data;

    @Override
    public Integer call() {
      for (User u : new UserRepository(open(data)).list()) {
        String state = u.disabled() ? "disabled" : u.lockedUntil() > System.currentTimeMillis() ? "locked" : "active";
        System.out.printf("%-24s %-13s %s%n", u.name(), u.role().code(), state);
      }
      return WebwatchCli.EXIT_OK;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user; ends their sessions and revokes their API tokens.",
      footer = {"", "Example:", "  ./webwatch user disable bob"})
  static final class Disable implements Callable<Integer> {
    @Parameters(index = "0") String name;
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory") Path data;

    @Override
    public Integer call() {
      WebwatchStore store = open(data);
      new UserRepository(store).disable(name);
      new AuditLog(store).append(System.currentTimeMillis(), "cli", "user.disable", "user:" + name, java.util.Map.of());
      System.out.println("disabled " + name);
      return WebwatchCli.EXIT_OK;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true, description = "Issue a new API token for a user and print it once (only its hash is stored).",
      footer = {"", "Example:", "  TOKEN=$(./webwatch user token bob); curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/queue/persons"})
  static final class Token implements Callable<Integer> {
    @Parameters(index = "0") String name;
    @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory") Path data;

    @Override
    public Integer call() {
      WebwatchStore store = open(data);
      String token = new UserRepository(store).newApiToken(name, System.currentTimeMillis());
      new AuditLog(store).append(System.currentTimeMillis(), "cli", "user.token", "user:" + name, java.util.Map.of());
      System.out.println(token);
      return WebwatchCli.EXIT_OK;
    }
  }
}

package org.qarchive.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qarchive.web.admin.PasswordHash;
import org.qarchive.web.admin.StaffAccounts;
import org.qarchive.web.admin.StaffAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive user}: the staff accounts that sign in at {@code /admin}. Passwords are typed
 * twice at the terminal, never given on the command line (where other users of the machine and the
 * shell's history would see them); when standard input is not a terminal, the password is its first
 * line, so that scripts can make accounts.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Staff accounts for the admin at /admin: add, list, remove, passwd.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.ListUsers.class,
      UserCommand.Remove.class,
      UserCommand.Passwd.class
    })
final class UserCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: add, list, remove or passwd");
  }

  private static StaffAccounts accounts(IndexOption index) {
    return new StaffAccounts(index.dir, new PasswordHash());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Make a staff account; the password is asked for twice.")
  static final class Add implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "NAME", description = "The sign-in name.")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      String n = checked(name);
      char[] pw = readPassword(spec, "Password for " + n);
      try {
        accounts(index).add(n, pw);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        StaffAccounts.wipe(pw);
      }
      StaffAdmin.recordCommandLine(index.dir, "user add", n);
      spec.commandLine().getOut().println("Added " + n + "; they can sign in at /admin.");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List staff accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin IndexOption index;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<StaffAccounts.Account> all = accounts(index).list();
      if (all.isEmpty()) {
        out.println("No staff accounts yet; add one with: qarchive user add NAME");
      }
      for (StaffAccounts.Account a : all) {
        out.printf(Locale.ROOT, "%-24s since %s%n", a.name(), a.created().toString());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Remove a staff account; its sessions end at once.")
  static final class Remove implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "NAME")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (!accounts(index).remove(name)) {
        throw new BadInputException("there is no account named " + name);
      }
      String n = name.strip().toLowerCase(Locale.ROOT);
      StaffAdmin.recordCommandLine(index.dir, "user remove", n);
      spec.commandLine().getOut().println("Removed " + n + ".");
      return 0;
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Set a new password for a staff account; its sessions end at once.")
  static final class Passwd implements Callable<Integer> {
    @Mixin IndexOption index;

    @Parameters(paramLabel = "NAME")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      String n = checked(name);
      StaffAccounts accounts = accounts(index);
      if (accounts.find(n).isEmpty()) {
        throw new BadInputException("there is no account named " + n);
      }
      char[] pw = readPassword(spec, "New password for " + n);
      try {
        accounts.passwd(n, pw);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        StaffAccounts.wipe(pw);
      }
      StaffAdmin.recordCommandLine(index.dir, "user passwd", n);
      spec.commandLine().getOut().println("Changed the password of " + n + ".");
      return 0;
    }
  }

  private static String checked(String name) {
    try {
      return StaffAccounts.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * The password: typed twice without echo at a terminal, else the first line of standard input
   * (and, if there is a second line, it must be the same).
   */
  static char[] readPassword(CommandSpec spec, String prompt) throws IOException {
    Console console = System.console();
    if (console != null && isTerminal(console)) {
      char[] first = console.readPassword("%s: ", prompt);
      char[] second = console.readPassword("Again: ");
      if (first == null || second == null) {
        throw new BadInputException("no password given");
      }
      try {
        if (!Arrays.equals(first, second)) {
          StaffAccounts.wipe(first);
          throw new BadInputException("the two passwords differ; nothing was changed");
        }
        return first;
      } finally {
        StaffAccounts.wipe(second);
      }
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String first = in.readLine();
    String second = in.readLine();
    if (first == null || first.isEmpty()) {
      throw new BadInputException("no password on standard input");
    }
    if (second != null && !second.isEmpty() && !second.equals(first)) {
      throw new BadInputException("the two passwords differ; nothing was changed");
    }
    return first.toCharArray();
  }

  /**
   * Whether the console is a terminal: from Java 22 on, {@link System#console()} also answers when
   * input is redirected, and {@code Console.isTerminal()} tells; on Java 21 a console is a
   * terminal.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

package org.webwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code webwatch} command. Each subcommand is one class in this package;
 * commands stay thin and call the core stages. Exit codes: 0 success, 1 completed with
 * rejected records or findings to report, 2 usage error, 3 input refused, 4 internal error.
 */
@Command(
    name = "webwatch",
    mixinStandardHelpOptions = true,
    version = "webwatch 0.1.0",
    description = "Finds the forum accounts and persons to look at first, and shows why.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      GenerateCommand.class,
      HashCommand.class,
      MatchCommand.class,
      HashSetCommand.class,
      ChainCommand.class,
      IngestCommand.class,
      StatusCommand.class,
      SignalsCommand.class,
      TriageCommand.class,
      EvaluateCommand.class,
      UserCommand.class,
      AuditCommand.class,
      ServeCommand.class,
      ImportTriageCommand.class,
    })
public final class WebwatchCli implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_WITH_REJECTS = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_REFUSED = 3;
  public static final int EXIT_INTERNAL = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new WebwatchCli());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}

package org.webwatch.cli;

import picocli.CommandLine;

/** Maps typed errors to one clear line on stderr and a stable exit code. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    if (ex instanceof org.webwatch.WebwatchException we) {
      cl.getErr().println("webwatch: " + we.getMessage());
      return we.exitCode();
    }
    if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
      cl.getErr().println("webwatch: I/O error: " + ex.getMessage());
      return WebwatchCli.EXIT_REFUSED;
    }
    cl.getErr().println("webwatch: internal error: " + ex);
    ex.printStackTrace(cl.getErr());
    return WebwatchCli.EXIT_INTERNAL;
  }
}

package org.webwatch.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps library INFO chatter (Flyway's migration log) off the terminal in CLI use. */
final class Quiet {
  // held so the configured JUL logger is not garbage-collected (JUL keeps loggers weakly)
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private Quiet() {}

  static void silenceLibraryLogging() {
    FLYWAY.setLevel(Level.WARNING);
    System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
  }
}

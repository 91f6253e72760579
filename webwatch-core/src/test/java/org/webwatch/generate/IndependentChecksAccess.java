package org.webwatch.generate;

/** Public door to the package-private independent validators for tests in sub-packages. */
public final class IndependentChecksAccess {
  private IndependentChecksAccess() {}

  public static boolean valid(String type, String value) {
    return IndependentChecks.valid(type, value);
  }
}

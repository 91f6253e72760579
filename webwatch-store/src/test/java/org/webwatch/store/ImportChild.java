package org.webwatch.store;

import java.nio.file.Path;

/** Child-JVM entry of {@link ImportCrashTest}: imports a capture and prints progress lines. */
public final class ImportChild {
  private ImportChild() {}

  public static void main(String[] args) {
    try (WebwatchStore store = WebwatchStore.open(Path.of(args[0]))) {
      new ImportService(store).importCapture(Path.of(args[1]), ImportOptions.defaults().withIndexRamBufferMb(32).withProgress(n -> {
        System.out.println("records " + n);
        System.out.flush();
      }));
    }
    System.out.println("done");
  }
}

package org.webwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.webwatch.server.JobOptions;
import org.webwatch.server.WebwatchServer;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.users.UserRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the investigator web application and API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the investigator web application and JSON API (loopback by default).",
    footer = {"", "Example:", "  ./webwatch serve --data webwatch-data --port 8080",
        "  (first create an admin: ./webwatch user add NAME --role admin --password-stdin)"})
public final class ServeCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default: ${DEFAULT-VALUE})") Path data;
  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE})") int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})") String bind;
  @Option(names = "--secure-cookies", description = "mark cookies Secure (when a TLS proxy fronts the server)") boolean secure;
  @Option(names = "--import-dir", paramLabel = "DIR",
      description = "the only directory admins may import captures from by server-side path on the Jobs page (default: DATA/imports)") Path importDir;
  @Option(names = "--max-upload-mb", defaultValue = "2048", paramLabel = "N",
      description = "largest capture or hash-set upload to the Jobs page, MiB (default: ${DEFAULT-VALUE})") long maxUploadMb;

  @Override
  public Integer call() throws InterruptedException {
    WebwatchStore store = WebwatchStore.open(data);
    if (new UserRepository(store).list().isEmpty()) {
      System.err.println("webwatch: no users yet; add an admin with: ./webwatch user add NAME --role admin --password-stdin");
    }
    if (maxUploadMb < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-upload-mb must be >= 1");
    JobOptions jobs = JobOptions.defaults(data).withMaxUploadBytes(maxUploadMb << 20);
    if (importDir != null) jobs = jobs.withImportDir(importDir);
    WebwatchServer server = WebwatchServer.create(store, new UserRepository(store), WebwatchServer.defaultOptions(store, secure), jobs)
        .start(bind, port);
    System.out.println("webwatch: serving on http://" + bind + ":" + server.port() + "/");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return WebwatchCli.EXIT_OK;
  }
}

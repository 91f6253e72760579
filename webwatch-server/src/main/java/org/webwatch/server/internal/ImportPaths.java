package org.webwatch.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.webwatch.WebwatchException;

/**
 * Resolves a server-side import path strictly inside the configured import directory: the path
 * must be relative, must not name {@code ..}, and its real location (symbolic links followed)
 * must lie under the directory's real location. Anything else is refused before any file is
 * opened.
 */
final class ImportPaths {
  private ImportPaths() {}

  static Path resolve(Path importDir, String relative) {
    if (importDir == null) {
      throw new WebwatchException(WebwatchException.Kind.FORBIDDEN, "server-side import is off: the server has no import directory");
    }
    if (relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.startsWith("/") || relative.contains("\\")
        || relative.matches("^[A-Za-z]:.*")) {
      throw refused(relative, "must be a path relative to the import directory");
    }
    for (String part : relative.split("/")) {
      if (part.equals("..")) throw refused(relative, "must not leave the import directory");
    }
    try {
      Path root = importDir.toRealPath();
      Path candidate = root.resolve(relative).normalize();
      if (!candidate.startsWith(root)) throw refused(relative, "must not leave the import directory");
      if (!Files.exists(candidate)) {
        throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no such file in the import directory: " + relative);
      }
      Path real = candidate.toRealPath();
      if (!real.startsWith(root)) throw refused(relative, "leads out of the import directory (symbolic link)");
      return real;
    } catch (InvalidPathException e) {
      throw refused(relative, "is not a valid path");
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "import directory or file not readable: " + relative);
    }
  }

  private static WebwatchException refused(String path, String why) {
    return new WebwatchException(WebwatchException.Kind.FORBIDDEN, "path '" + path + "' " + why);
  }
}

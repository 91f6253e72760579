package org.webwatch.server.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.server.internal.jobs.JobProgress;
import org.webwatch.server.internal.jobs.JobWork;
import org.webwatch.store.media.HashSetRepository;

/** A hash-set import job: the same staged import as {@code POST /hashsets} ({@link HashSetUpload}), run in the background. */
final class HashSetImportWork implements JobWork {
  private final Services s;
  private final HashSetUpload upload;
  private final String actor;

  HashSetImportWork(Services s, HashSetUpload upload, String actor) {
    this.s = s;
    this.upload = upload;
    this.actor = actor;
  }

  @Override
  public Map<String, Object> run(JobProgress p) throws Exception {
    long bytes = java.nio.file.Files.size(upload.staged());
    p.phase("importing entries", bytes, "bytes");
    p.checkCancelled();
    HashSetRepository.ImportResult r;
    try {
      r = upload.importInto(s, actor);
    } catch (WebwatchException e) {
      throw new WebwatchException(e.kind(), uploadName(e.getMessage()), e);
    }
    HashSetInfo info = r.info();
    p.done(bytes);
    for (String e : r.summary().errors()) p.error(uploadName(e));
    p.errorCount(info.rejected());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("set", info.name());
    summary.put("format", String.valueOf(info.format()));
    summary.put("entries", info.entries());
    summary.put("rejected", info.rejected());
    summary.put("negative", info.options().negative());
    return summary;
  }

  /** Errors name the staged file; the admin knows the file by the name it was uploaded with. */
  private String uploadName(String message) {
    if (message == null) return "";
    return message.replace(upload.staged().toString(), upload.filename()).replace(upload.staged().getFileName().toString(), upload.filename());
  }

  @Override
  public void discard() {
    upload.delete();
  }
}

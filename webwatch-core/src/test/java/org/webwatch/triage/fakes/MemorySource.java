package org.webwatch.triage.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.ingest.RecordError;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.SourceCounts;

/** Test capture held in memory: a list of record deliveries replayed in order. */
public final class MemorySource implements CaptureSource {
  private final String name;
  private final List<Consumer<CaptureVisitor>> records = new ArrayList<>();
  private long rejected;

  public MemorySource(String name) {
    this.name = name;
  }

  public MemorySource add(Consumer<CaptureVisitor> record) {
    records.add(record);
    return this;
  }

  public MemorySource reject(RecordError e) {
    rejected++;
    records.add(v -> v.rejected(e));
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceCounts read(CaptureVisitor v) {
    records.forEach(r -> r.accept(v));
    return new SourceCounts(records.size() - rejected, rejected);
  }
}

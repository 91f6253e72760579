package org.webwatch.store.triage;

import java.util.List;

/** A row of persons.csv as stored; {@code accounts} as {@code site:account}. */
public record QueuePerson(long rank, String person, double score, String band, List<String> accounts, String reasons) {}

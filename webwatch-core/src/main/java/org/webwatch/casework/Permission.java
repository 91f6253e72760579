package org.webwatch.casework;

/** Something a route or command lets a user do; {@link Role} says who may. */
public enum Permission {
  /** See queue, dossiers, search, cases. */
  READ,
  /** Decide on persons and links, write notes, keep the watchlist. */
  DECIDE,
  /** Export a case with its evidence. */
  EXPORT,
  /** Import triage runs and captures. */
  IMPORT,
  /** Manage users and API tokens. */
  MANAGE_USERS,
  /** List, import and remove hash sets. */
  MANAGE_HASH_SETS,
  /** Read and verify the audit log. */
  AUDIT,
  /** Start (and cancel) server jobs: capture imports, hash-set imports, triage runs. Admin only: they change what everyone sees. */
  RUN_JOBS
}

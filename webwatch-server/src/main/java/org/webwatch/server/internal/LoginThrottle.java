package org.webwatch.server.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client-address sliding window of failed logins: more than {@code limit} failures in
 * {@code windowMillis} and further attempts from that address are refused (429) until old
 * failures age out. Complements the per-account lockout in the store, which stops guessing
 * one password; this stops spraying many accounts from one address. O(limit) memory per address.
 */
final class LoginThrottle {
  private final int limit;
  private final long windowMillis;
  private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  LoginThrottle(int limit, long windowMillis) {
    this.limit = limit;
    this.windowMillis = windowMillis;
  }

  boolean blocked(String address, long now) {
    Deque<Long> d = failures.get(address);
    if (d == null) return false;
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst() <= now - windowMillis) d.pollFirst();
      return d.size() >= limit;
    }
  }

  void failed(String address, long now) {
    Deque<Long> d = failures.computeIfAbsent(address, k -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(now);
      while (d.size() > limit) d.pollFirst();
    }
  }
}

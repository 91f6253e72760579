package org.webwatch.casework;

import java.util.Objects;
import org.webwatch.WebwatchException;

/**
 * A recorded decision. For person decisions {@code subject} is the person id and {@code other}
 * is empty; for link decisions {@code subject} and {@code other} are the two accounts as
 * {@code site:account}, in lexicographic order so that (a,b) and (b,a) are the same link.
 */
public record Decision(long id, DecisionKind kind, String subject, String other, String reason, String actor, long time) {
  public Decision {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    other = other == null ? "" : other;
    reason = reason == null ? "" : reason.strip();
    if (subject.isBlank()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "decision needs a subject");
    if (kind.isLink()) {
      if (other.isBlank()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, kind.code() + " needs two accounts");
      if (subject.compareTo(other) > 0) {
        String t = subject;
        subject = other;
        other = t;
      }
      if (subject.equals(other)) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "a link joins two different accounts");
    } else if (!other.isEmpty()) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, kind.code() + " applies to a person, not a link");
    }
    if (kind == DecisionKind.DISMISSED && reason.isEmpty()) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "dismissing needs a reason");
    }
  }
}

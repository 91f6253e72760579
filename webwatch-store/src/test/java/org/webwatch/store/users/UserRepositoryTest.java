package org.webwatch.store.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.casework.Role;
import org.webwatch.store.WebwatchStore;

class UserRepositoryTest {
  @TempDir Path dir;

  @Test
  void passwordsAreArgon2AndLoginWorks() throws Exception {
    WebwatchStore store = WebwatchStore.open(dir);
    UserRepository users = new UserRepository(store, UserRepository.TEST_ARGON2);
    users.add("alice", Role.INVESTIGATOR, "correct horse battery", 1);
    try (var c = store.connection(); var rs = c.createStatement().executeQuery("select password_hash from app_user")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("correct horse");
    }
    assertThat(users.authenticate("alice", "correct horse battery", 2).ok()).isTrue();
    assertThat(users.authenticate("alice", "wrong", 2).outcome()).isEqualTo(LoginResult.Outcome.BAD_CREDENTIALS);
    assertThat(users.authenticate("bob", "whatever", 2).outcome()).isEqualTo(LoginResult.Outcome.BAD_CREDENTIALS);
    assertThatThrownBy(() -> users.add("alice", Role.VIEWER, "another long password", 3))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("exists");
    assertThatThrownBy(() -> users.add("carol", Role.VIEWER, "short", 3)).hasMessageContaining("12");
  }

  @Test
  void lockoutAfterRepeatedFailures() {
    UserRepository users = new UserRepository(WebwatchStore.open(dir), UserRepository.TEST_ARGON2);
    users.add("alice", Role.VIEWER, "correct horse battery", 1);
    for (int i = 1; i < UserRepository.MAX_FAILURES; i++) {
      assertThat(users.authenticate("alice", "nope", 10).outcome()).isEqualTo(LoginResult.Outcome.BAD_CREDENTIALS);
    }
    assertThat(users.authenticate("alice", "nope", 10).outcome()).isEqualTo(LoginResult.Outcome.LOCKED);
    // even the right password is refused while locked
    assertThat(users.authenticate("alice", "correct horse battery", 11).outcome()).isEqualTo(LoginResult.Outcome.LOCKED);
    assertThat(users.authenticate("alice", "correct horse battery", 11 + UserRepository.LOCKOUT_MILLIS).ok()).isTrue();
  }

  @Test
  void tokensAndSessions() {
    WebwatchStore store = WebwatchStore.open(dir);
    UserRepository users = new UserRepository(store, UserRepository.TEST_ARGON2);
    users.add("alice", Role.ADMIN, "correct horse battery", 1);
    String token = users.newApiToken("alice", 1);
    assertThat(users.userForToken(token)).get().extracting(User::name).isEqualTo("alice");
    assertThat(users.userForToken(token + "x")).isEmpty();
    NewSession s = users.createSession("alice", 1000);
    assertThat(users.session(s.id(), 2000, 10_000, 100_000)).get().extracting(Session::csrfToken).isEqualTo(s.csrfToken());
    assertThat(users.session(s.id(), 2000 + 10_001, 10_000, 100_000)).as("idle expiry").isEmpty();
    NewSession s3 = users.createSession("alice", 1000);
    for (long t = 5_000; t <= 100_000; t += 5_000) assertThat(users.session(s3.id(), t, 10_000, 100_000)).isPresent();
    assertThat(users.session(s3.id(), 101_001, 10_000, 100_000)).as("absolute expiry").isEmpty();
    NewSession s2 = users.createSession("alice", 1000);
    users.disable("alice");
    assertThat(users.session(s2.id(), 1001, 10_000, 100_000)).isEmpty();
    assertThat(users.userForToken(token)).isEmpty();
    assertThat(users.authenticate("alice", "correct horse battery", 5).outcome()).isEqualTo(LoginResult.Outcome.DISABLED);
  }
}

package org.webwatch.store.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.webwatch.WebwatchException;
import org.webwatch.casework.Role;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Users, API tokens and login sessions. Passwords are Argon2id (RFC 9106, second recommended
 * option scaled down: 19 MiB, 2 passes, 1 lane — the OWASP 2023 minimum) PHC strings; API
 * tokens and session ids are 256-bit random values stored only as SHA-256 hex, so a copy of the
 * database does not let anyone log in. Lockout: after {@link #MAX_FAILURES} consecutive failed
 * passwords the account is locked for {@link #LOCKOUT_MILLIS}.
 */
public final class UserRepository {
  public static final int MAX_FAILURES = 5;
  public static final long LOCKOUT_MILLIS = 15 * 60_000L;
  public static final int MIN_PASSWORD_LENGTH = 12;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
  /** Argon2id at the OWASP minimum: 19 MiB, 2 passes, 1 lane. */
  public static final Argon2Function DEFAULT_ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  /** Cheap parameters for tests only (stored hashes carry their parameters, so both verify). */
  public static final Argon2Function TEST_ARGON2 = Argon2Function.getInstance(256, 1, 1, 32, Argon2.ID);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbc db;
  private final Argon2Function argon2;
  /** A hash compared against when the user does not exist, so timing does not reveal names. */
  private final String dummyHash;

  public UserRepository(WebwatchStore store) {
    this(store, DEFAULT_ARGON2);
  }

  public UserRepository(WebwatchStore store, Argon2Function argon2) {
    this.db = new Jdbc(store);
    this.argon2 = argon2;
    this.dummyHash = Password.hash("webwatch-dummy-password").with(argon2).getResult();
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getString("name"), Role.fromCode(rs.getString("role")), rs.getInt("disabled") != 0,
        rs.getLong("created_at"), rs.getLong("locked_until"));
  }

  /** Adds a user; refuses a bad name, a short password or an existing name. */
  public User add(String name, Role role, String password, long now) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          "user name must be 2–64 letters, digits, '.', '_' or '-'");
    }
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (find(name).isPresent()) {
      throw new WebwatchException(WebwatchException.Kind.CONFLICT, "user '" + name + "' already exists");
    }
    String hash = Password.hash(password).with(argon2).getResult();
    db.update("INSERT INTO app_user (name, role, password_hash, created_at) VALUES (?,?,?,?)", name, role.code(), hash, now);
    return find(name).orElseThrow();
  }

  public Optional<User> find(String name) {
    return db.one("SELECT * FROM app_user WHERE name = ?", UserRepository::user, name);
  }

  public List<User> list() {
    return db.list("SELECT * FROM app_user ORDER BY name", UserRepository::user);
  }

  /** Disables a user and ends their sessions and tokens. */
  public void disable(String name) {
    requireUser(name);
    db.tx(c -> {
      Jdbc.update(c, "UPDATE app_user SET disabled = 1 WHERE name = ?", name);
      Jdbc.update(c, "DELETE FROM user_session WHERE user_name = ?", name);
      Jdbc.update(c, "UPDATE api_token SET revoked = 1 WHERE user_name = ?", name);
      return null;
    });
  }

  private User requireUser(String name) {
    return find(name).orElseThrow(() -> new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no user '" + name + "'"));
  }

  /** Checks a password; counts failures and locks the account after {@link #MAX_FAILURES}. */
  public LoginResult authenticate(String name, String password, long now) {
    Optional<String> stored = name == null ? Optional.empty()
        : db.one("SELECT password_hash FROM app_user WHERE name = ?", rs -> rs.getString(1), name);
    String hash = stored.orElse(dummyHash);
    boolean matches = Password.check(password == null ? "" : password, hash).with(Argon2Function.getInstanceFromHash(hash));
    if (stored.isEmpty()) return new LoginResult(LoginResult.Outcome.BAD_CREDENTIALS, Optional.empty());
    User u = requireUser(name);
    if (u.disabled()) return new LoginResult(LoginResult.Outcome.DISABLED, Optional.empty());
    if (u.lockedUntil() > now) return new LoginResult(LoginResult.Outcome.LOCKED, Optional.empty());
    if (!matches) {
      db.update("UPDATE app_user SET failed_logins = failed_logins + 1, locked_until = CASE WHEN failed_logins + 1 >= ? "
          + "THEN ? ELSE locked_until END WHERE name = ?", MAX_FAILURES, now + LOCKOUT_MILLIS, name);
      boolean nowLocked = requireUser(name).lockedUntil() > now;
      if (nowLocked) db.update("UPDATE app_user SET failed_logins = 0 WHERE name = ?", name);
      return new LoginResult(nowLocked ? LoginResult.Outcome.LOCKED : LoginResult.Outcome.BAD_CREDENTIALS, Optional.empty());
    }
    db.update("UPDATE app_user SET failed_logins = 0, locked_until = 0 WHERE name = ?", name);
    return new LoginResult(LoginResult.Outcome.OK, Optional.of(requireUser(name)));
  }

  /** Creates an API token for the user and returns it; only its hash is kept. */
  public String newApiToken(String name, long now) {
    User u = requireUser(name);
    if (u.disabled()) throw new WebwatchException(WebwatchException.Kind.REFUSED, "user '" + name + "' is disabled");
    String token = "ww_" + random();
    db.update("INSERT INTO api_token (token_hash, user_name, created_at) VALUES (?,?,?)", sha256(token), name, now);
    return token;
  }

  /** The active user an API token belongs to. */
  public Optional<User> userForToken(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    return db.one("SELECT u.* FROM api_token t JOIN app_user u ON u.name = t.user_name "
        + "WHERE t.token_hash = ? AND t.revoked = 0 AND u.disabled = 0", UserRepository::user, sha256(token));
  }

  public NewSession createSession(String name, long now) {
    String id = random();
    String csrf = random();
    db.update("INSERT INTO user_session (id_hash, user_name, csrf, created_at, last_seen) VALUES (?,?,?,?,?)",
        sha256(id), name, csrf, now, now);
    return new NewSession(id, csrf);
  }

  /**
   * The live session with this id, refreshing its idle timer; expired sessions (idle longer than
   * {@code idleMillis} or older than {@code absoluteMillis}) are deleted and not returned.
   */
  public Optional<Session> session(String id, long now, long idleMillis, long absoluteMillis) {
    if (id == null || id.isBlank()) return Optional.empty();
    String h = sha256(id);
    Optional<Session> s = db.one("SELECT u.*, s.csrf, s.created_at AS s_created, s.last_seen FROM user_session s "
        + "JOIN app_user u ON u.name = s.user_name WHERE s.id_hash = ? AND u.disabled = 0",
        rs -> new Session(user(rs), rs.getString("csrf"), rs.getLong("s_created"), rs.getLong("last_seen")), h);
    if (s.isEmpty()) return s;
    if (now - s.get().lastSeen() > idleMillis || now - s.get().createdAt() > absoluteMillis) {
      endSession(id);
      return Optional.empty();
    }
    // refresh at most every min(1 min, idle/10): keeps read traffic off the single writer
    if (now - s.get().lastSeen() > Math.min(60_000, idleMillis / 10)) db.update("UPDATE user_session SET last_seen = ? WHERE id_hash = ?", now, h);
    return s;
  }

  public void endSession(String id) {
    db.update("DELETE FROM user_session WHERE id_hash = ?", sha256(id));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.opengallery.marketplace.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password sign-in for buyers, sellers and operators. Only a salted hash is stored (bcrypt, in Spring Security's
 * {@code {id}hash} form, so the consoles' form login reads the same rows). Signing in with the right password
 * gives an API token.
 */
@Service
public class Logins {

    static final int MIN_PASSWORD = 8;
    private final JdbcClient jdbc;
    private final ApiTokens tokens;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public Logins(JdbcClient jdbc, ApiTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Gives this buyer, seller or operator a password; its login name is unique across all roles. */
    @Transactional
    public void create(String login, Role role, long subjectId, String password) {
        insert(login, role, subjectId, password, true);
    }

    /**
     * An extra login for the same subject (a seller's sub-user, 子用户): it signs in to the pages as that subject
     * ({@link SignedInUser#subUser()} is true, so the pages can narrow what it opens) but gets no API token.
     */
    @Transactional
    public void createSubLogin(String login, Role role, long subjectId, String password) {
        insert(login, role, subjectId, password, false);
    }

    /** Removes one sub-login of this subject; a main login or another subject's login is left alone. */
    @Transactional
    public boolean deleteSubLogin(String login, Role role, long subjectId) {
        return jdbc.sql("""
                DELETE FROM login WHERE login = :login AND role = :role AND subject_id = :id
                                    AND main_subject_id IS NULL""")
                .param("login", login).param("role", role.name()).param("id", subjectId).update() == 1;
    }

    /**
     * A login changes its own password (any role, sub-users too): the current password must match, the new one
     * follows the password rule and differs from it. Signed-in sessions stay; the next sign-in takes the new one.
     */
    @Transactional
    public void changePassword(String login, String current, String next) {
        StoredLogin stored = find(login).orElseThrow(() -> ApiException.notFound("login", login));
        if (current == null || !encoder.matches(current, stored.passwordHash())) {
            throw ApiException.badRequest("wrong_password", "the current password is not right");
        }
        requireValid(next);
        if (next.equals(current)) {
            throw ApiException.badRequest("same_password", "the new password must differ from the current one");
        }
        jdbc.sql("UPDATE login SET password_hash = :hash WHERE login = :login")
                .param("hash", encoder.encode(next)).param("login", login).update();
    }

    private static void requireValid(String password) {
        // BCrypt reads at most 72 bytes: a longer password would be cut without a word
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 72) {
            throw ApiException.badRequest("invalid_password", "a password is 8 to 72 characters");
        }
    }

    private void insert(String login, Role role, long subjectId, String password, boolean main) {
        requireValid(password);
        try {
            jdbc.sql("""
                    INSERT INTO login (login, role, subject_id, main_subject_id, password_hash, created_at)
                    VALUES (:login, :role, :id, :main, :hash, :now)""")
                    .param("login", login).param("role", role.name()).param("id", subjectId)
                    .param("main", main ? subjectId : null)
                    .param("hash", encoder.encode(password)).param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("login_taken", "the login " + login + " is taken, or this "
                    + role.name().toLowerCase() + " already has one");
        }
    }

    /**
     * Sets (or replaces) the password of this buyer, seller or operator, creating its login when it has none. Its
     * sub-logins stay as they are.
     */
    @Transactional
    public void setPassword(String login, Role role, long subjectId, String password) {
        jdbc.sql("DELETE FROM login WHERE role = :role AND subject_id = :id AND main_subject_id IS NOT NULL")
                .param("role", role.name()).param("id", subjectId).update();
        create(login, role, subjectId, password);
    }

    /**
     * The caller these credentials belong to; empty for an unknown login or a wrong password alike, and for a
     * sub-login (its permissions are per page, so it gets no API token).
     */
    public Optional<ApiCaller> authenticate(String login, String password) {
        if (login == null || password == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT role, subject_id, password_hash FROM login WHERE login = :login AND main_subject_id IS NOT NULL")
                .param("login", login)
                .query((rs, n) -> encoder.matches(password, rs.getString(3))
                        ? Optional.of(new ApiCaller(Role.valueOf(rs.getString(1)), rs.getLong(2)))
                        : Optional.<ApiCaller>empty())
                .optional().flatMap(o -> o);
    }

    /**
     * A stored login as form sign-in reads it: who it is, its {@code {id}hash} password, and whether it is the
     * subject's main login (false for a sub-user).
     */
    public record StoredLogin(String login, Role role, long subjectId, String passwordHash, boolean main) {}

    /** The login row of this name, for the consoles' form sign-in (which checks the hash itself). */
    public Optional<StoredLogin> find(String login) {
        if (login == null || login.isBlank() || login.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT login, role, subject_id, password_hash, main_subject_id FROM login WHERE login = :login")
                .param("login", login)
                .query((rs, n) -> new StoredLogin(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getObject(5) != null))
                .optional();
    }

    /** Signs in and issues an API token. */
    @Transactional
    public IssuedToken signIn(String login, String password) {
        ApiCaller caller = authenticate(login, password).orElseThrow(() -> new ApiException(
                org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized", "unknown login or wrong password"));
        return new IssuedToken(tokens.issue(caller.role(), caller.id()), caller.role());
    }

    public record IssuedToken(String token, Role role) {}
}

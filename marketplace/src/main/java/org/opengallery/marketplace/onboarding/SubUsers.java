package org.opengallery.marketplace.onboarding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opengallery.marketplace.access.Logins;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 子用户管理: a seller's main login adds up to {@value #MAX} sub-users, each with its own password (an extra SELLER
 * login for the same seller, see {@link Logins#createSubLogin}) and a set of {@link SellerPage}s it may open.
 * {@link SubUserPermissions} enforces the set on every {@code /seller} request.
 */
@Service
public class SubUsers {

    public static final int MAX = 50;
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_.@-]{3,100}");

    private final JdbcClient jdbc;
    private final Logins logins;
    private final Clock clock;

    SubUsers(JdbcClient jdbc, Logins logins, Clock clock) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.clock = clock;
    }

    @Transactional
    public SubUser add(long sellerId, String login, String password, Collection<SellerPage> pages) {
        if (login == null || !LOGIN.matcher(login.strip()).matches()) {
            throw ApiException.badRequest("subuser_login", "a sub-user login is 3 to 100 letters, digits or _ . @ -");
        }
        // one seller's main login adds its sub-users one at a time: a plain count is enough here
        int existing = jdbc.sql("SELECT COUNT(*) FROM seller_sub_user WHERE seller_id = :seller")
                .param("seller", sellerId).query(Integer.class).single();
        if (existing >= MAX) {
            throw ApiException.conflict("subuser_limit", "a seller has at most " + MAX + " sub-users; remove one first");
        }
        String name = login.strip();
        if (logins.find(name).isPresent()) {
            throw ApiException.conflict("login_taken", "the login " + name + " is taken; choose another");
        }
        logins.createSubLogin(name, Role.SELLER, sellerId, password);
        jdbc.sql("""
                INSERT INTO seller_sub_user (login, seller_id, permissions, created_at)
                VALUES (:login, :seller, :permissions, :now)""")
                .param("login", name).param("seller", sellerId).param("permissions", codes(pages))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return of(sellerId, name).orElseThrow();
    }

    public List<SubUser> of(long sellerId) {
        return jdbc.sql(SELECT + " WHERE seller_id = :seller ORDER BY created_at, login").param("seller", sellerId)
                .query(SubUsers::subUser).list();
    }

    /** One of this seller's sub-users; another seller's is empty. */
    public Optional<SubUser> of(long sellerId, String login) {
        return jdbc.sql(SELECT + " WHERE seller_id = :seller AND login = :login")
                .param("seller", sellerId).param("login", login).query(SubUsers::subUser).optional();
    }

    @Transactional
    public SubUser permit(long sellerId, String login, Collection<SellerPage> pages) {
        int changed = jdbc.sql("UPDATE seller_sub_user SET permissions = :permissions WHERE seller_id = :seller AND login = :login")
                .param("permissions", codes(pages)).param("seller", sellerId).param("login", login).update();
        if (changed == 0) {
            throw ApiException.notFound("sub-user", login);
        }
        return of(sellerId, login).orElseThrow();
    }

    @Transactional
    public void remove(long sellerId, String login) {
        int removed = jdbc.sql("DELETE FROM seller_sub_user WHERE seller_id = :seller AND login = :login")
                .param("seller", sellerId).param("login", login).update();
        if (removed == 0) {
            throw ApiException.notFound("sub-user", login);
        }
        logins.deleteSubLogin(login, Role.SELLER, sellerId);
    }

    private static String codes(Collection<SellerPage> pages) {
        return pages == null ? "" : pages.stream().distinct().sorted().map(SellerPage::code).collect(Collectors.joining(","));
    }

    private static final String SELECT = "SELECT login, seller_id, permissions, created_at FROM seller_sub_user";

    private static SubUser subUser(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Set<SellerPage> pages = EnumSet.noneOf(SellerPage.class);
        Arrays.stream(rs.getString("permissions").split(",")).map(SellerPage::ofCode)
                .flatMap(Optional::stream).forEach(pages::add);
        return new SubUser(rs.getString("login"), rs.getLong("seller_id"), pages,
                Onboarding.instant(rs, "created_at"));
    }
}

package org.opengallery.marketplace.access;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is signed in to the consoles: the login, its role (authority {@code ROLE_BUYER}, {@code ROLE_SELLER} or
 * {@code ROLE_OPERATOR}) and the id of the buyer, seller or operator it belongs to. Pages take it with
 * {@code @AuthenticationPrincipal SignedInUser user}.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    private final String login;
    private final Role role;
    private final long subjectId;
    private final boolean subUser;
    private String passwordHash;

    public SignedInUser(String login, Role role, long subjectId, String passwordHash) {
        this(login, role, subjectId, passwordHash, false);
    }

    /** @param subUser a seller's sub-user (子用户): the same seller, but only the pages its permissions name */
    public SignedInUser(String login, Role role, long subjectId, String passwordHash, boolean subUser) {
        this.login = login;
        this.role = role;
        this.subjectId = subjectId;
        this.passwordHash = passwordHash;
        this.subUser = subUser;
    }

    /** True for an extra login of the subject (a seller's sub-user), false for its main login. */
    public boolean subUser() {
        return subUser;
    }

    public Role role() {
        return role;
    }

    public long subjectId() {
        return subjectId;
    }

    /** The page a sign-in of this role lands on. */
    public String home() {
        return switch (role) {
            case BUYER -> "/buyer/services";
            case SELLER -> "/seller";
            case OPERATOR -> "/operator";
        };
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + login + ", " + role + " " + subjectId + (subUser ? ", sub-user" : "") + "]";
    }
}

package org.opengallery.marketplace.onboarding;

import java.util.Arrays;
import org.opengallery.marketplace.access.Role;
import org.opengallery.marketplace.fixtures.DomainTest;
import org.opengallery.marketplace.notice.Notice;
import org.opengallery.marketplace.notice.Notices;
import org.opengallery.marketplace.notice.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** Onboarding's tests: sellers that have not been through onboarding yet, a complete form and small files. */
abstract class OnboardingTestBase extends DomainTest {

    @Autowired Onboarding onboarding;
    @Autowired Notices notices;

    /** A registered seller with no application (unlike {@link #seller()}, which comes out fully onboarded). */
    long newSeller() {
        return sellers.register("ISV " + unique(""), unique("isv"), "account@isv.example.com").id();
    }

    static ApplicationForm form() {
        return ApplicationRulesTest.complete();
    }

    static MockMultipartFile png(String name) {
        byte[] b = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
        return new MockMultipartFile(name, name + ".png", "image/png", b);
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile(name, name + ".pdf", "application/pdf", "%PDF-1.4 licence".getBytes());
    }

    /** A seller whose complete application is submitted. */
    Application submitted(long seller) {
        return onboarding.submit(seller, form(), png("logo"), pdf("licence"));
    }

    /** A seller whose application an operator approved. */
    long approvedSeller() {
        long seller = newSeller();
        onboarding.approve(submitted(seller).id(), 1);
        return seller;
    }

    Notice lastNotice(Recipient to) {
        return notices.of(to, 1).get(0);
    }

    /** The address a notice was mailed to (the message center keeps it with the notice). */
    String emailedTo(Notice n) {
        return jdbc.sql("SELECT emailed_to FROM notice WHERE id = :id").param("id", n.id()).query(String.class).single();
    }

    static Recipient seller(long id) {
        return new Recipient(Role.SELLER, id);
    }
}

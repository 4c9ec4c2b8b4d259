package org.opengallery.sellerdemo;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reference seller: a team-notes SaaS that KooGallery (or OpenGallery) delivers through the seller kit.
 * Everything protocol is the kit's; this application only creates, freezes, upgrades and deletes workspaces.
 */
@SpringBootApplication(excludeName = {
        // The opengallery jar also carries the marketplace, which brings Spring Security for its consoles; the
        // reference seller authenticates every call with the kit's signatures, so Spring Security stays off here.
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration"})
@EnableScheduling
public class SellerDemoApplication {

    /**
     * The {@code spring.config.name} to start it with (as a default or test property): its configuration is
     * {@code seller-demo.properties}, because other applications on the same classpath (the opengallery jar) have
     * an {@code application.properties} and only the first one found would be read.
     */
    public static final String CONFIG_NAME = "seller-demo";
}

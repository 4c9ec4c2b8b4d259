package org.opengallery.sellerdemo;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reference seller: a team-notes SaaS that KooGallery (or OpenGallery) delivers through the seller kit.
 * Everything protocol is the kit's; this application only creates, freezes, upgrades and deletes workspaces.
 */
@SpringBootApplication
@EnableScheduling
public class SellerDemoApplication {
}

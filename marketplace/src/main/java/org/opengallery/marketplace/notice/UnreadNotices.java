package org.opengallery.marketplace.notice;

import org.opengallery.marketplace.access.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's header shows the signed-in user's unread count next to 消息中心. */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotices {

    private final Notices notices;

    UnreadNotices(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    Integer unread(@AuthenticationPrincipal SignedInUser user) {
        return user == null ? null : notices.unreadCount(MessageCenterController.recipient(user));
    }
}

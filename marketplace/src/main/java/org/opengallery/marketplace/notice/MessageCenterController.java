package org.opengallery.marketplace.notice;

import org.opengallery.marketplace.access.SignedInUser;
import org.opengallery.marketplace.web.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.opengallery.marketplace.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 消息中心: every signed-in user's notices, newest first; opening one marks it read. */
@Controller
@ConsolePage
class MessageCenterController {

    private static final int SHOWN = 200;
    private final Notices notices;

    MessageCenterController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/messages")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("notices", notices.of(recipient(user), SHOWN));
        return "notice/messages";
    }

    @GetMapping("/messages/{id}")
    String one(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        Recipient me = recipient(user);
        Notice notice = notices.one(me, id).orElseThrow(() -> ApiException.notFound("notice", Long.toString(id)));
        notices.markRead(me, id);
        model.addAttribute("n", notice);
        return "notice/message";
    }

    @PostMapping("/messages/read")
    String readAll(@AuthenticationPrincipal SignedInUser user) {
        notices.markAllRead(recipient(user));
        return "redirect:/messages";
    }

    /** Operators share one inbox; buyers and sellers each have their own. */
    static Recipient recipient(SignedInUser user) {
        return switch (user.role()) {
            case OPERATOR -> Recipient.operators();
            case BUYER -> Recipient.buyer(user.subjectId());
            case SELLER -> Recipient.seller(user.subjectId());
        };
    }
}

package org.opengallery.sellerdemo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a workspace's people use: the login page the {@code frontEndUrl} points at, the notes page, and the
 * frozen page. A session remembers who logged in to which workspace; every form carries a per-session CSRF
 * token.
 */
@Controller
class WorkspaceController {

    private static final String SIGNED_IN = "signedIn";
    private static final String CSRF = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Workspaces workspaces;
    private final NotesSaas saas;

    WorkspaceController(Workspaces workspaces, NotesSaas saas) {
        this.workspaces = workspaces;
        this.saas = saas;
    }

    @GetMapping("/t/{id}/login")
    String loginPage(@PathVariable String id, HttpSession session, Model model, HttpServletResponse response) {
        Optional<Workspace> workspace = workspaces.find(id);
        if (workspace.isEmpty()) {
            return gone(response);
        }
        if (workspace.get().status() == Workspace.Status.FROZEN) {
            return frozen(workspace.get(), model, response);
        }
        model.addAttribute("workspace", workspace.get());
        model.addAttribute("csrf", csrf(session));
        return "login";
    }

    @PostMapping("/t/{id}/login")
    String login(@PathVariable String id, @RequestParam String userName, @RequestParam String password,
                 @RequestParam(name = "_csrf", required = false) String token, HttpServletRequest request,
                 HttpSession session, Model model, HttpServletResponse response) {
        Optional<Workspace> workspace = workspaces.find(id);
        if (workspace.isEmpty()) {
            return gone(response);
        }
        if (!validCsrf(session, token)) {
            response.setStatus(403);
            model.addAttribute("workspace", workspace.get());
            model.addAttribute("csrf", csrf(session));
            model.addAttribute("error", "Your session expired. Please sign in again.");
            return "login";
        }
        if (workspace.get().status() == Workspace.Status.FROZEN) {
            return frozen(workspace.get(), model, response);
        }
        boolean ok = workspaces.passwordHash(id, userName).map(hash -> Passwords.matches(password, hash)).orElse(false);
        if (!ok) {
            response.setStatus(401);
            model.addAttribute("workspace", workspace.get());
            model.addAttribute("csrf", csrf(session));
            model.addAttribute("error", "Wrong user name or password.");
            return "login";
        }
        // A new session id at login: an id someone planted before it (session fixation) is worth nothing after it.
        request.changeSessionId();
        session.setAttribute(SIGNED_IN, id + "/" + userName);
        return "redirect:/t/" + id + "/notes";
    }

    @GetMapping("/t/{id}/notes")
    String notes(@PathVariable String id, HttpSession session, Model model, HttpServletResponse response) {
        Optional<Workspace> workspace = workspaces.find(id);
        if (workspace.isEmpty()) {
            return gone(response);
        }
        if (workspace.get().status() == Workspace.Status.FROZEN) {
            return frozen(workspace.get(), model, response);
        }
        if (!signedIn(session, id)) {
            return "redirect:/t/" + id + "/login";
        }
        model.addAttribute("workspace", workspace.get());
        model.addAttribute("notes", workspaces.notes(id));
        model.addAttribute("csrf", csrf(session));
        return "notes";
    }

    @PostMapping("/t/{id}/notes")
    String addNote(@PathVariable String id, @RequestParam String text,
                   @RequestParam(name = "_csrf", required = false) String token, HttpSession session, Model model,
                   HttpServletResponse response) {
        Optional<Workspace> workspace = workspaces.find(id);
        if (workspace.isEmpty()) {
            return gone(response);
        }
        if (workspace.get().status() == Workspace.Status.FROZEN) {
            return frozen(workspace.get(), model, response);
        }
        if (!signedIn(session, id) || !validCsrf(session, token)) {
            response.setStatus(403);
            return "redirect:/t/" + id + "/login";
        }
        String trimmed = text.strip();
        String problem = trimmed.isEmpty() ? "A note cannot be empty."
                : trimmed.length() > 2000 ? "A note can hold at most 2000 characters."
                : workspaces.countNotes(id) >= workspace.get().notesLimit()
                        ? "Your " + workspace.get().plan() + " plan holds at most " + workspace.get().notesLimit()
                                + " notes. Delete a note or upgrade the plan in KooGallery."
                        : null;
        if (problem != null) {
            response.setStatus(422);
            model.addAttribute("workspace", workspace.get());
            model.addAttribute("notes", workspaces.notes(id));
            model.addAttribute("csrf", csrf(session));
            model.addAttribute("error", problem);
            return "notes";
        }
        Instant now = saas.now();
        workspaces.addNote(id, trimmed, now);
        if (workspace.get().payPerUse()) {
            workspaces.meterNote(id, now.truncatedTo(ChronoUnit.HOURS));
        }
        return "redirect:/t/" + id + "/notes";
    }

    @PostMapping("/t/{id}/notes/{noteId}/delete")
    String deleteNote(@PathVariable String id, @PathVariable long noteId,
                      @RequestParam(name = "_csrf", required = false) String token, HttpSession session) {
        if (signedIn(session, id) && validCsrf(session, token)
                && workspaces.find(id).map(w -> w.status() == Workspace.Status.ACTIVE).orElse(false)) {
            workspaces.deleteNote(id, noteId);
        }
        return "redirect:/t/" + id + "/notes";
    }

    @PostMapping("/t/{id}/logout")
    String logout(@PathVariable String id, HttpSession session) {
        session.invalidate();
        return "redirect:/t/" + id + "/login";
    }

    private static boolean signedIn(HttpSession session, String id) {
        Object who = session.getAttribute(SIGNED_IN);
        return who instanceof String s && s.startsWith(id + "/");
    }

    private static String csrf(HttpSession session) {
        Object token = session.getAttribute(CSRF);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(CSRF, token);
        }
        return (String) token;
    }

    private static boolean validCsrf(HttpSession session, String token) {
        Object expected = session.getAttribute(CSRF);
        return token != null && expected instanceof String e
                && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static String frozen(Workspace workspace, Model model, HttpServletResponse response) {
        response.setStatus(423);
        model.addAttribute("workspace", workspace);
        return "frozen";
    }

    private static String gone(HttpServletResponse response) {
        response.setStatus(404);
        return "gone";
    }
}

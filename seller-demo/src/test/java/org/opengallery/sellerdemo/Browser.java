package org.opengallery.sellerdemo;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person at a browser: keeps cookies, follows redirects, reads the CSRF token off the page's form. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf = "";

    Browser() {
        this(HttpClient.Redirect.NORMAL);
    }

    private Browser(HttpClient.Redirect redirects) {
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(redirects).build();
    }

    /** A browser that shows each redirect instead of following it, to look at its Location. */
    static Browser stoppingAtRedirects() {
        return new Browser(HttpClient.Redirect.NEVER);
    }

    HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        remember(page.body());
        return page;
    }

    /** Posts a form with the CSRF token of the last page seen; fields as name, value, name, value … */
    HttpResponse<String> post(String url, String... fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        remember(page.body());
        return page;
    }

    /** The session cookie's value, or null before the site set one. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private void remember(String body) {
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }
}

package org.opengallery.sellerkit.spring;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengallery.sellerkit.KitRequest;
import org.opengallery.sellerkit.KitResponse;
import org.opengallery.sellerkit.SellerKit;

/**
 * Hands servlet requests to the kit untouched: the raw query string (never the container's decoded
 * parameters, which would turn a Base64 {@code +} into a space), the headers, the exact body bytes; and writes
 * the kit's exact answer bytes back, so {@code Body-Sign} stays valid.
 */
public class ProductionInterfaceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SellerKit kit;

    public ProductionInterfaceServlet(SellerKit kit) {
        this.kit = kit;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        byte[] body = request.getInputStream().readAllBytes();
        KitResponse answer = kit.handle(new KitRequest(request.getMethod(), path, request.getQueryString(), headers, body));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}

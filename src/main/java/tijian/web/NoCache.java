package tijian.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The pages and their own scripts and styles are revalidated on every load (Cache-Control: no-cache; the static
 * handler's Last-Modified makes that a 304), so a new version shows at once. Versioned WebJar files keep their long
 * cache; the API and /q/ are left as they are. And /favicon.ico, which browsers ask for, is the SVG icon.
 */
@ApplicationScoped
public class NoCache {
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith("/api/") && !path.startsWith("/q/") && !path.startsWith("/webjars/")) {
                context.addHeadersEndHandler(v -> context.response().headers().set("Cache-Control", "no-cache"));
            }
            context.next();
        });
        // browsers ask for /favicon.ico whatever the page says; the icon is an SVG
        router.get("/favicon.ico").order(Integer.MIN_VALUE + 2).handler(context -> context.response()
                .setStatusCode(301).putHeader("Location", "/favicon.svg").end());
    }
}

package tijian.activity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling and from where, for the audit trail and the rate limits: the request's identity (null when anonymous), its roles,
 * and its remote address. The address is the peer's unless Quarkus' proxy forwarding is configured
 * ({@code quarkus.http.proxy.proxy-address-forwarding=true} with {@code allow-forwarded} or {@code allow-x-forwarded}
 * and the trusted proxies): then Quarkus has already replaced it by the forwarded client address, and forwarded
 * headers sent by anyone else are ignored.
 */
@ApplicationScoped
public class Requester {
    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    /** The user name, or null for an anonymous caller. */
    public String user() {
        try {
            return identity == null || identity.isAnonymous() ? null : identity.getPrincipal().getName();
        } catch (RuntimeException e) {
            return null; // no request context, or no identity established
        }
    }

    public List<String> roles() {
        try {
            return identity == null || identity.isAnonymous() ? List.of() : identity.getRoles().stream().sorted().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The caller's address, or null outside a request. */
    public String remoteAddress() {
        try {
            RoutingContext rc = request.getCurrent();
            SocketAddress a = rc == null ? null : rc.request().remoteAddress();
            return a == null ? null : a.hostAddress() != null ? a.hostAddress() : a.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

package tijian.web;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import tijian.activity.Requester;
import tijian.config.CheckerConfig;

/**
 * Rate limits on checks and audits, per user when the caller is authenticated and per remote address otherwise
 * (see {@link Requester} for when forwarded addresses count). Each caller has a token bucket (Bucket4j) refilled in
 * full at the end of each window; a call over the budget is answered 429 with {@code Retry-After} (seconds) before
 * any work is done. The buckets live in a bounded Caffeine map and are dropped once unused for a window, which
 * is the same as a full bucket.
 */
@ApplicationScoped
public class RateLimits {
    @Inject
    CheckerConfig config;

    /** What a call costs from: a check of one report, or an audit of many. */
    public enum Kind { CHECK, AUDIT }

    static final long MAX_KEYS = 100_000;

    /** The length of the "minute" of checks-per-minute; tests shorten it. */
    /** The length of the "hour" of audits-per-hour; tests shorten it. */
    @Inject
    Requester requester;

    private Cache<String, Bucket> checks;
    private Cache<String, Bucket> audits;

    @PostConstruct
    void init() {
        checks = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterAccess(config.rateLimit().checksWindow().toNanos(), TimeUnit.NANOSECONDS).build();
        audits = Caffeine.newBuilder().maximumSize(MAX_KEYS)
                .expireAfterAccess(config.rateLimit().auditsWindow().toNanos(), TimeUnit.NANOSECONDS).build();
    }

    @ServerRequestFilter
    public Response limit(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null) {
            return null;
        }
        String user = requester.user();
        String key = user != null ? "user:" + user : "address:" + requester.remoteAddress();
        long seconds = tryTake(limited.value(), key, user == null);
        if (seconds == 0) {
            return null;
        }
        String zh = limited.value() == Kind.CHECK ? "体检请求过于频繁，请 " + seconds + " 秒后再试。"
                : "批量体检提交过于频繁，请 " + seconds + " 秒后再试。";
        String en = (limited.value() == Kind.CHECK ? "Too many checks" : "Too many audits")
                + "; try again in " + seconds + " s.";
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(429, "rate-limited", zh, en, List.of()))
                .header("Retry-After", Long.toString(seconds)).build();
    }

    /** Takes one token from the key's bucket: 0 when granted, else the seconds until the next token (at least 1). */
    long tryTake(Kind kind, String key, boolean anonymous) {
        Bucket bucket = switch (kind) {
            case CHECK -> checks.get(key,
                    k -> bucket(anonymous ? config.rateLimit().anonymousChecksPerMinute() : config.rateLimit().checksPerMinute(), config.rateLimit().checksWindow()));
            case AUDIT -> audits.get(key, k -> bucket(config.rateLimit().auditsPerHour(), config.rateLimit().auditsWindow()));
        };
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    private static Bucket bucket(long perWindow, Duration window) {
        long n = Math.max(1, perWindow);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(n).refillIntervally(n, window).build())
                .build();
    }
}

package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * The one way detector state is cached: bounded, expiring after the longest window it serves,
 * timed by the guard's clock (a fake one in tests) and maintained on the calling thread, so
 * eviction is deterministic and no pool thread is needed.
 */
final class Caches {

    private Caches() {
    }

    static Ticker tickerOf(Clock clock) {
        return () -> clock.millis() * 1_000_000L;
    }

    static <K, V> Cache<K, V> bounded(long maximumSize, Duration idleExpiry, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(idleExpiry)
                .ticker(tickerOf(clock))
                .executor(Runnable::run)
                .build();
    }
}

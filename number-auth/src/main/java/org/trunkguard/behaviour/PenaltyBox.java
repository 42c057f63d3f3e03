package org.trunkguard.behaviour;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Callers found critical by a rule with a penalty: their calls get that rule's verdict until
 * the entry expires by itself. Operators see the box with {@link #list()} and take a caller out
 * with {@link #lift(String)} (the proxy exposes both on its admin endpoint and CLI).
 *
 * <p>Each entry expires at its own time (Caffeine variable expiry on the guard's clock); a
 * lookup also checks the call's own time, so a call is never judged by an entry that expired
 * before it arrived.
 */
public final class PenaltyBox {

    private final Cache<String, PenaltyEntry> entries;
    private final Clock clock;

    PenaltyBox(long maximumSize, Clock clock) {
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.writing((String caller, PenaltyEntry entry) ->
                        Duration.ofMillis(Math.max(0, entry.untilMillis() - clock.millis()))))
                .ticker(Caches.tickerOf(clock))
                .executor(Runnable::run)
                .build();
    }

    /** The entries in the box now, soonest to leave first. */
    public List<PenaltyEntry> list() {
        long now = clock.millis();
        List<PenaltyEntry> list = new ArrayList<>();
        for (PenaltyEntry entry : entries.asMap().values()) {
            if (entry.untilMillis() > now) {
                list.add(entry);
            }
        }
        list.sort(Comparator.comparingLong(PenaltyEntry::untilMillis));
        return list;
    }

    /** Takes {@code caller} out of the box; true if it was in. */
    public boolean lift(String caller) {
        return entries.asMap().remove(caller) != null;
    }

    /** The entry that holds {@code caller} at {@code atMillis}, or null. */
    PenaltyEntry current(String caller, long atMillis) {
        PenaltyEntry entry = entries.getIfPresent(caller);
        return entry != null && entry.untilMillis() > atMillis ? entry : null;
    }

    /** Takes over the entries of {@code other} (a guard replaced by a reload keeps its penalties). */
    public void takeOver(PenaltyBox other) {
        for (PenaltyEntry entry : other.list()) {
            put(entry);
        }
    }

    /** Boxes a caller; a longer stay already in the box is kept. */
    void put(PenaltyEntry entry) {
        entries.asMap().merge(entry.caller(), entry,
                (old, fresh) -> old.untilMillis() >= fresh.untilMillis() ? old : fresh);
    }
}

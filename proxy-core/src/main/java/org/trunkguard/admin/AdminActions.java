package org.trunkguard.admin;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.trunkguard.behaviour.PenaltyBox;

/**
 * What the admin endpoint acts on, supplied by the launcher.
 *
 * @param ready      true when the proxy serves calls; {@code GET /health} answers 503 while false
 * @param penaltyBox the behaviour guard's penalty box, read on every request (so a guard
 *                   replaced by a reload is seen); may supply null when no guard runs
 * @param reload     reloads the configuration; returns null when the new one is in force, else a
 *                   message saying why it was refused (the running one stays). Runs on the admin
 *                   server's own worker thread, never on an event loop, and one at a time.
 */
public record AdminActions(BooleanSupplier ready, Supplier<PenaltyBox> penaltyBox, Supplier<String> reload) {

    public AdminActions {
        Objects.requireNonNull(ready, "ready");
        Objects.requireNonNull(penaltyBox, "penaltyBox");
        Objects.requireNonNull(reload, "reload");
    }
}

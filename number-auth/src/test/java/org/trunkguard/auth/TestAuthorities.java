package org.trunkguard.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trunkguard.numbers.TestPlans;

/** A conf directory in a temp dir with the reference plan and segments and given lists. */
final class TestAuthorities {

    static final String ROAMING = "139-0000-0001\n";
    static final String BLOCKED = "# spam\n+8613700000666\n";
    static final String ALLOWED = "tel:+86-138-0000-0888\n";

    private TestAuthorities() {
    }

    static CallerIdSettings settingsIn(Path temp) throws IOException {
        Path conf = Files.createDirectories(temp.resolve("conf"));
        Files.copy(TestPlans.CONF.resolve("numberplan.yaml"), conf.resolve("numberplan.yaml"));
        Files.copy(TestPlans.CONF.resolve("segments.csv"), conf.resolve("segments.csv"));
        Files.writeString(conf.resolve("roaming-exempt.txt"), ROAMING);
        Files.writeString(conf.resolve("caller-blocklist.txt"), BLOCKED);
        Files.writeString(conf.resolve("caller-allowlist.txt"), ALLOWED);
        return CallerIdSettings.defaults(conf, temp.resolve("store"));
    }
}

package org.trunkguard.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed Prometheus text exposition: the samples, and each family's declared type. */
final class Scrape {
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            Matcher m = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        } else {
            name = line.substring(0, space);
        }
        return new Sample(name, labels, Double.parseDouble(line.substring(space + 1)));
    }

    /** Family name → type (counter, gauge, histogram, ...), as the TYPE lines declare them. */
    Map<String, String> types() {
        return types;
    }

    /** The one sample named {@code name} whose labels include the given name/value pairs. */
    double value(String name, String... labelPairs) {
        List<Sample> matches = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name) && hasLabels(sample, labelPairs)) {
                matches.add(sample);
            }
        }
        if (matches.size() != 1) {
            throw new AssertionError(matches.size() + " samples of " + name + " " + List.of(labelPairs) + ": " + matches);
        }
        return matches.get(0).value();
    }

    boolean has(String name, String... labelPairs) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && hasLabels(s, labelPairs));
    }

    private static boolean hasLabels(Sample sample, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(sample.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}

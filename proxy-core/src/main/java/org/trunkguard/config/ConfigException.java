package org.trunkguard.config;

/**
 * A configuration error a person can act on: the file, the line and the key, then what is wrong.
 * The message is the whole story; callers print it without a stack trace.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}

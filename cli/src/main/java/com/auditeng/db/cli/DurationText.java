package com.auditeng.db.cli;

import com.auditeng.db.UsageException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as written on the command line or in the environment: {@code 500ms}, {@code 2s}, {@code 3min}, or a bare number in the setting's own unit. */
final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|m)?");

    private DurationText() {
    }

    static Duration parse(String text, ChronoUnit bareUnit, String setting) {
        Matcher matcher = FORM.matcher(text.strip().toLowerCase());
        if (!matcher.matches()) {
            throw new UsageException(setting + " '" + text + "' is not a duration; write it as 500ms, 2s or 3min");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        if (unit == null) {
            return Duration.of(amount, bareUnit);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}

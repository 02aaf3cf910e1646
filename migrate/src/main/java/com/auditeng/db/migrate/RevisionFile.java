package com.auditeng.db.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One revision file {@code NNNN_<slug>.yaml}: its id, its name and its text. */
public record RevisionFile(RevisionId id, String fileName, String content) {
    private static final Pattern NAME = Pattern.compile("(\\d{4})_([A-Za-z0-9_]+)\\.ya?ml");

    /** The id a file name gives, or nothing when the name is not a revision's. */
    public static Optional<RevisionId> idOf(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(RevisionId.parse(matcher.group(1))) : Optional.empty();
    }

    /** A revision file's name without its extension: {@code 0002_add_priority}. */
    public static String stemOf(String fileName) {
        return fileName.replaceAll("\\.ya?ml$", "");
    }

    public String stem() {
        return stemOf(fileName);
    }

    public static boolean isRevisionName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /**
     * Whether a name that is not a revision's was probably meant as one ({@code 0002-add.yaml}, {@code 2_add.yaml},
     * {@code 0002_add.YAML}): skipping it would leave a revision silently unapplied. Hidden files ({@code .gitkeep},
     * an editor's {@code .0002_add.yaml.swp}) are never revisions.
     */
    public static boolean looksLikeRevision(String fileName) {
        if (fileName.startsWith(".") || isRevisionName(fileName)) {
            return false;
        }
        String lowerCase = fileName.toLowerCase(Locale.ROOT);
        return Character.isDigit(fileName.charAt(0)) || lowerCase.endsWith(".yaml") || lowerCase.endsWith(".yml");
    }

    /** The message of the revision: its slug, read as words. */
    public String message() {
        Matcher matcher = NAME.matcher(fileName);
        return matcher.matches() ? matcher.group(2).replace('_', ' ') : fileName;
    }

    /** SHA-256 of the text with line endings normalised, so a checkout on another system keeps the same sum. */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return fileName;
    }
}

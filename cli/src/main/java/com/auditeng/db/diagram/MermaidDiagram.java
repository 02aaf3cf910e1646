package com.auditeng.db.diagram;

import com.auditeng.db.diagram.Diagram.Attribute;
import com.auditeng.db.diagram.Diagram.Entity;
import com.auditeng.db.diagram.Diagram.Key;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link Diagram} as the text of a Mermaid {@code erDiagram}, which GitHub, GitLab and most Markdown viewers draw:
 * https://mermaid.js.org/syntax/entityRelationshipDiagram.html
 */
public final class MermaidDiagram {
    // Mermaid's lexer takes an attribute's type and name as one word each: letters, digits and _ - ( ) [ ] only
    // (erDiagram.jison, ATTRIBUTE_WORD), so "double precision" becomes double_precision
    private static final Pattern OUTSIDE_WORD = Pattern.compile("[^A-Za-z0-9_\\-()\\[\\]]");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    // the lexer reads these as key markers before it tries a word, in any case, so a column "pk" needs changing
    private static final Pattern KEY_MARKER = Pattern.compile("(?i)PK|FK|UK");

    private MermaidDiagram() {
    }

    public static String render(Diagram diagram) {
        StringBuilder text = new StringBuilder("erDiagram\n");
        for (Entity entity : diagram.entities()) {
            text.append("    ").append(entityName(entity.name())).append(" {\n");
            entity.attributes().forEach(attribute -> text.append("        ").append(line(attribute)).append('\n'));
            text.append("    }\n");
        }
        for (Relationship relationship : diagram.relationships()) {
            text.append("    ").append(entityName(relationship.parent())).append(' ')
                    .append(relationship.parentOptional() ? "|o" : "||")
                    // non-identifying (dashed) unless the foreign key is part of the child's primary key
                    .append(relationship.identifying() ? "--" : "..")
                    .append(relationship.childUnique() ? "o|" : "o{").append(' ')
                    .append(entityName(relationship.child())).append(" : \"")
                    .append(relationship.label().replace('"', '\'')).append("\"\n");
        }
        return text.toString();
    }

    private static String line(Attribute attribute) {
        String line = word(attribute.type()) + " " + word(attribute.name());
        if (!attribute.keys().isEmpty()) {
            line += " " + attribute.keys().stream().map(Key::name).collect(Collectors.joining(", "));
        }
        return line;
    }

    private static String word(String text) {
        String word = OUTSIDE_WORD.matcher(text).replaceAll("_");
        if (KEY_MARKER.matcher(word).matches()) {
            return word + "_";
        }
        return Character.isDigit(word.charAt(0)) || word.charAt(0) == '-' ? "_" + word : word;
    }

    // a name outside [A-Za-z_][A-Za-z0-9_-]* must be quoted, and a quoted one may not hold " % or \
    private static String entityName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replaceAll("[\"%\\\\]", "_") + "\"";
    }
}

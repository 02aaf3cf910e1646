package com.auditeng.db.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;

/** Prints one JSON document for {@code --json}: the shapes are documented in docs/json-output.md. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void print(PrintWriter out, Object document) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON document of maps, lists and strings always serialises", e);
        }
    }
}

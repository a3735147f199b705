package io.directiverules.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.directiverules.core.Actor;
import io.directiverules.core.Diagnostic;
import io.directiverules.core.RuleSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the {@code actions.yaml} of a rule folder: the action codes an analyst's rules may produce beyond the
 * modules' catalogue, each with the actor who must act ({@code CODE: ACTOR}, one a line). A folder may add
 * codes but not change the actor of a catalogued one. Problems are diagnostics on the file, line and column.
 */
public final class FolderActions {
    /** The file name looked for in rule folders. */
    public static final String FILE_NAME = "actions.yaml";

    private static final YAMLFactory YAML = new YAMLFactory();

    private FolderActions() {
    }

    /** Adds the codes of {@code file} to {@code catalogue}; problems go to {@code errors}. */
    public static void read(RuleSource file, Map<String, Actor> catalogue, List<Diagnostic> errors) {
        try (JsonParser parser = YAML.createParser(file.content())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return; // an empty file adds nothing
            }
            if (first != JsonToken.START_OBJECT) {
                errors.add(error(file, parser.currentTokenLocation(), "expected lines of CODE: ACTOR"));
                return;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String code = parser.currentName();
                JsonLocation codeAt = parser.currentTokenLocation();
                JsonToken value = parser.nextToken();
                JsonLocation valueAt = parser.currentTokenLocation();
                if (value != JsonToken.VALUE_STRING) {
                    errors.add(error(file, valueAt, "the actor of " + code + " must be one of " + actors()));
                    parser.skipChildren();
                    continue;
                }
                if (!code.matches("[A-Z][A-Z0-9_]*")) {
                    errors.add(error(file, codeAt, "action code \"" + code + "\" must be upper case (A-Z, 0-9, _)"));
                    continue;
                }
                Actor actor;
                try {
                    actor = Actor.valueOf(parser.getText().strip());
                } catch (IllegalArgumentException e) {
                    errors.add(error(file, valueAt, "unknown actor \"" + parser.getText() + "\" for " + code
                            + " (expected one of " + actors() + ")"));
                    continue;
                }
                Actor catalogued = catalogue.get(code);
                if (catalogued != null && catalogued != actor) {
                    errors.add(error(file, valueAt, "action " + code + " is for " + catalogued
                            + " in the catalogue; a rule folder cannot change that"));
                    continue;
                }
                catalogue.put(code, actor);
            }
        } catch (IOException e) {
            errors.add(new Diagnostic(file.path(), 1, 1, Diagnostic.Level.ERROR,
                    "not a YAML map of CODE: ACTOR: " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static Diagnostic error(RuleSource file, JsonLocation at, String message) {
        return new Diagnostic(file.path(), Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
                Diagnostic.Level.ERROR, message);
    }

    private static String actors() {
        return Arrays.stream(Actor.values()).map(Actor::name).collect(Collectors.joining(", "));
    }
}

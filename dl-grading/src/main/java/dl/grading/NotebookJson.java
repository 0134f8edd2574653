package dl.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (.ipynb, nbformat 4) as JSON: {@code {"cells": [{"cell_type": "code", "source": [...], ...}],
 * "metadata": {...}}}. A cell's source is a string or a list of lines, each but the last ending in a newline.
 */
final class NotebookJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private NotebookJson() {
    }

    /** Reads a notebook; a file that is not one gets an error naming it. */
    static JsonObject read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static JsonObject parse(String json, String place) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root.isJsonObject() && root.getAsJsonObject().has("cells")) {
                return root.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(place + " is not a notebook: " + e.getMessage());
        }
        throw new IllegalArgumentException(place + " is not a notebook: a notebook is JSON with a list of \"cells\"");
    }

    /** The cells of the notebook, in order. */
    static List<JsonObject> cells(JsonObject notebook) {
        List<JsonObject> cells = new ArrayList<>();
        notebook.getAsJsonArray("cells").forEach(cell -> cells.add(cell.getAsJsonObject()));
        return cells;
    }

    static boolean isCode(JsonObject cell) {
        return cell.has("cell_type") && cell.get("cell_type").getAsString().equals("code");
    }

    /** The cell's text, whether stored as a string or as a list of lines. */
    static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null || source.isJsonNull()) {
            return "";
        }
        if (source.isJsonPrimitive()) {
            return source.getAsString();
        }
        StringBuilder text = new StringBuilder();
        source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    /** Gives the cell {@code text} as Jupyter stores it: a list of lines, each but the last ending in a newline. */
    static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        cell.add("source", lines);
    }

    /** Empties a code cell's outputs and execution count, as a notebook is kept in a repository. */
    static void clearOutputs(JsonObject cell) {
        cell.add("outputs", new JsonArray());
        cell.add("execution_count", null);
    }

    /** The notebook as Jupyter writes it: one space of indentation, non-ASCII as it is, a newline at the end. */
    static String write(JsonObject notebook) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = new JsonWriter(text)) {
            writer.setIndent(" ");
            GSON.toJson(notebook, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }
}

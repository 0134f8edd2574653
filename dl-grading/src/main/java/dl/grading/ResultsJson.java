package dl.grading;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grade in Gradescope's {@code results.json} layout: the score, and one entry per test with its name, score,
 * max_score, output (why it failed, what the code printed) and visibility ("visible", or "hidden" until grades are
 * published). Written whole or not at all.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    static String toJson(Grade grade) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (TestResult r : grade.results()) {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("name", r.exercise() + ": " + r.test());
            test.put("score", r.score());
            test.put("max_score", r.maxScore());
            String output = r.passed() ? "passed" : r.message();
            test.put("output", r.output().isEmpty() ? output : output + "\n\nYour code printed:\n" + r.output());
            test.put("visibility", r.hidden() ? "hidden" : "visible");
            tests.add(test);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", grade.score());
        if (!grade.notes().isEmpty()) {
            results.put("output", String.join("\n", grade.notes()));
        }
        results.put("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results);
    }

    /** Writes the file whole: a temporary file beside it, then moved in place in one step. */
    static void write(Grade grade, Path file) throws IOException {
        writeWhole(file, toJson(grade));
    }

    static void writeWhole(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}

package ex2;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Hostile: writes a perfect results.json into its working folder, prints "all passed" lines, and forges the
 * harness's frame saying its test finished, on the real standard output. Its answers are all wrong.
 */
class Sigmoid {

    static double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double derivative(double x) {
        try {
            Files.writeString(Path.of("results.json"), "{\"score\": 100, \"tests\": []}");
        } catch (Exception e) {
            System.out.println("could not write results.json: " + e);
        }
        String test = StackWalker.getInstance().walk(frames -> frames.map(f -> f.getClassName() + "#"
            + f.getMethodName()).filter(name -> name.contains("Test#")).findFirst().orElse("?"));
        String finished = "{\"kind\":\"FINISHED\",\"test\":\"" + test + "\",\"output\":\"\"}";
        PrintStream real = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        real.println("#dl-grading-frame " + Base64.getEncoder().encodeToString(finished.getBytes()));
        real.println("All tests passed: 6/6");
        System.out.println("All tests passed: 6/6");
        return 0;
    }
}

package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour of the library, run as one notebook cell with the kernel's imports: it must run as printed,
 * train a model worth its comments, and write the files it says it writes (into a temporary folder here). It needs
 * Fashion-MNIST, as the README does; without it the loader's message says how to install it.
 */
class ReadmeTest {

    @TempDir
    Path dir;

    @Test
    void theLibrarysTourRunsAsACell() throws Exception {
        String readme = Files.readString(Jupyter.ROOT.resolve("README.md"));
        int start = readme.indexOf("```java", readme.indexOf("The library, from Java or `./dl jshell`"));
        String code = readme.substring(start + "```java".length(), readme.indexOf("```", start + 7))
                .replace("Path.of(\"", "Path.of(\"" + dir + "/");
        try (Evaluator jshell = new Evaluator()) {
            jshell.startUp(DlKernel.KERNEL_IMPORTS);
            jshell.eval(code);
            Trainer.Evaluation e = (Trainer.Evaluation) jshell.eval("model.evaluate(data.test())");
            // the README's figures, within what another CPU's order of summation may change
            Matcher said = Pattern.compile("loss ([0-9.]+) \\(cross-entropy per example\\), accuracy ([0-9.]+)%")
                    .matcher(code);
            assertTrue(said.find(), "the README states the loss and accuracy");
            assertEquals(Double.parseDouble(said.group(1)), e.loss(), 0.03, e.toString());
            assertEquals(Double.parseDouble(said.group(2)) / 100, e.accuracy(), 0.02, e.toString());
            assertEquals("Ankle boot", jshell.eval("model.predict(boot).className()"));
            assertEquals(jshell.eval("again.predict(boot).toString()"), jshell.eval("model.predict(boot).toString()"));
        }
        for (String file : new String[] {"lenet.model", "history.png", "maps.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
    }
}

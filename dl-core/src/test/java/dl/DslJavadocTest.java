package dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every word a student types has a Javadoc, which is what Shift-Tab shows in the notebook: the sources of the DSL's
 * classes are parsed with the JDK's compiler trees, and each public method or constructor without a doc comment is
 * named. Overrides are left out: their doc is the overridden method's.
 */
class DslJavadocTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @ParameterizedTest
    @ValueSource(strings = {"dl/Dsl.java", "dl/nn/Net.java", "dl/optim/Optimizers.java", "dl/nn/loss/Losses.java",
            "dl/nn/init/Initializers.java", "dl/optim/LearningRate.java", "dl/tensor/Tensor.java"})
    void everyPublicMethodHasADocComment(String file) throws IOException {
        Path source = SOURCES.resolve(file);
        assertTrue(Files.isRegularFile(source), source.toAbsolutePath() + " is missing");
        List<String> undocumented = undocumented(source);
        assertEquals(List.of(), undocumented, file + ": these public methods have no Javadoc");
    }

    /** The public methods and constructors of the file's top-level class that have no doc comment. */
    private static List<String> undocumented(Path file) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjects(file));
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree top) {
                        TreePath classPath = TreePath.getPath(unit, top);
                        for (Tree member : top.getMembers()) {
                            if (member instanceof MethodTree method && isPublicWord(top, method)
                                    && trees.getDocComment(new TreePath(classPath, method)) == null) {
                                missing.add(signature(top, method));
                            }
                        }
                    }
                }
            }
        }
        return missing;
    }

    /** Public, or any method of an interface (public by default); not an override, not a private constructor. */
    private static boolean isPublicWord(ClassTree owner, MethodTree method) {
        var modifiers = method.getModifiers();
        boolean inInterface = owner.getKind() == Tree.Kind.INTERFACE;
        boolean isPublic = modifiers.getFlags().contains(Modifier.PUBLIC)
                || inInterface && !modifiers.getFlags().contains(Modifier.PRIVATE);
        boolean isOverride = modifiers.getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
        return isPublic && !isOverride;
    }

    private static String signature(ClassTree owner, MethodTree method) {
        String name = method.getName().contentEquals("<init>") ? owner.getSimpleName().toString()
                : method.getName().toString();
        return name + "(" + String.join(", ", method.getParameters().stream()
                .map(p -> p.getType() + " " + p.getName()).toList()) + ")";
    }
}

package dl.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Javadoc of the toolkit's own classes and methods, read from their sources with the JDK's compiler trees:
 * JShell only knows the JDK's own documentation. This is what Shift-Tab shows under a DSL method's signature,
 * the formula included.
 */
final class Javadocs {

    private final List<Path> sourceRoots;
    private final Map<String, Map<String, String>> byClass = new ConcurrentHashMap<>();

    /** {@code roots}: source folders separated by the path separator, as {@code -Ddl.sources} gives them. */
    Javadocs(String roots) {
        this.sourceRoots = roots == null || roots.isBlank() ? List.of()
                : Arrays.stream(roots.split(File.pathSeparator)).map(Path::of).toList();
    }

    /**
     * The comment of what JShell's {@code signature} names, e.g. {@code "dl.nn.Net dl.nn.Net.conv(int k, int c)"}
     * or {@code "dl.nn.Net"}, as plain text; null when there is none.
     */
    String find(String signature) {
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature.strip() : signature.substring(0, paren).strip();
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        if (paren < 0) {
            return plain(members(qualified).get(""));
        }
        int dot = qualified.lastIndexOf('.');
        String method = qualified.substring(dot + 1);
        String inside = signature.substring(paren + 1, signature.lastIndexOf(')'));
        List<String> types = parameterTypes(inside);
        Map<String, String> members = members(qualified.substring(0, dot));
        String exact = members.get(method + "(" + String.join(",", types) + ")");
        if (exact != null) {
            return plain(exact);
        }
        return members.entrySet().stream()
                .filter(e -> e.getKey().startsWith(method + "(") && arity(e.getKey()) == types.size())
                .map(e -> plain(e.getValue())).findFirst().orElse(null);
    }

    /** The simple type names of "int kernel, java.util.List<Tensor> xs", without generics. */
    private static List<String> parameterTypes(String inside) {
        List<String> types = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i <= inside.length(); i++) {
            char c = i < inside.length() ? inside.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String p = inside.substring(start, i).replaceAll("<.*>", "").strip();
                if (!p.isEmpty()) {
                    String type = p.contains(" ") ? p.substring(0, p.lastIndexOf(' ')).strip() : p;
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
                start = i + 1;
            }
        }
        return types;
    }

    private static int arity(String key) {
        String inside = key.substring(key.indexOf('(') + 1, key.length() - 1);
        return inside.isEmpty() ? 0 : inside.split(",").length;
    }

    /** "" → the class's comment, "name(Type,Type)" → each method's; read once per class. */
    private Map<String, String> members(String name) {
        String className = name.contains(".") && Character.isLowerCase(name.charAt(0)) ? name : qualify(name);
        if (className == null) {
            return Map.of();
        }
        String outer = className;
        Path file = null;
        while (file == null && outer.contains(".")) {
            for (Path root : sourceRoots) {
                Path candidate = root.resolve(outer.replace('.', '/') + ".java");
                if (Files.isRegularFile(candidate)) {
                    file = candidate;
                }
            }
            if (file == null) {
                outer = outer.substring(0, outer.lastIndexOf('.'));   // a nested class lives in its outer's file
            }
        }
        if (file == null) {
            return Map.of();
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path source = file;
        return byClass.computeIfAbsent(className, c -> parse(source, simple));
    }

    /** JShell writes the simple names of imported classes ("Net Net.conv(...)"): find the one in our sources. */
    private String qualify(String simpleName) {
        String outer = simpleName.contains(".") ? simpleName.substring(0, simpleName.indexOf('.')) : simpleName;
        for (Path root : sourceRoots) {
            try (var files = Files.walk(root)) {
                var match = files.filter(f -> f.getFileName().toString().equals(outer + ".java")).findFirst();
                if (match.isPresent()) {
                    String path = root.relativize(match.get()).toString().replace(File.separatorChar, '.');
                    return path.substring(0, path.length() - ".java".length()) + simpleName.substring(outer.length());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    private static Map<String, String> parse(Path file, String simpleClassName) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, String> docs = new LinkedHashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjects(file));
            DocTrees trees = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree tree, String enclosing) {
                        String name = tree.getSimpleName().toString();
                        if (name.equals(simpleClassName)) {
                            String comment = trees.getDocComment(getCurrentPath());
                            if (comment != null) {
                                docs.putIfAbsent("", comment);
                            }
                        }
                        return super.visitClass(tree, name);
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, String enclosing) {
                        String comment = trees.getDocComment(getCurrentPath());
                        if (comment != null && simpleClassName.equals(enclosing)) {
                            List<String> types = new ArrayList<>();
                            for (VariableTree p : tree.getParameters()) {
                                String type = p.getType().toString().replaceAll("<.*>", "");
                                types.add(type.substring(type.lastIndexOf('.') + 1));
                            }
                            docs.putIfAbsent(tree.getName() + "(" + String.join(",", types) + ")", comment);
                        }
                        return null;
                    }
                }.scan(unit, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Javadoc's markup as text: {@code {@code x}} → x, {@code {@link A#b}} → A.b, tags dropped. */
    static String plain(String comment) {
        if (comment == null) {
            return null;
        }
        return comment.replaceAll("\\{@(?:code|literal) ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "$1")
                .replaceAll("\\{@link(?:plain)? ([^}\\s]*)(?: [^}]*)?\\}", "$1")
                .replace('#', '.')
                .replaceAll("</?(pre|p|ul|li|b|i|em|strong|code)>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .strip();
    }
}

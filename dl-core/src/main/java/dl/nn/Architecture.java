package dl.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A network written as the DSL sentence that builds it, and read back by replaying that sentence: what
 * {@code model.save} stores and {@code Net.load} rebuilds from.
 * <pre>
 *   net(input(1, 28, 28))
 *     .conv(5, 6).pad(2)
 *     .relu()
 *     .pool(2)
 *     ...
 *     .residual(TORCHVISION, b -> b.conv(3, 64).stride(2).pad(1).noBias().batchNorm())
 * </pre>
 * Each layer writes its own call ({@link Layer#spec}); reading knows the same words as {@link Net}. The initializer
 * is not written: the saved weights replace whatever it would draw. The seed is, for the dropout masks.
 */
final class Architecture {

    private final String text;
    private int at;

    private Architecture(String text) {
        this.text = text;
    }

    /** The sentence that builds {@code net}, one layer a line; a layer without a {@link Layer#spec} is an error. */
    static String of(Net net, long seed) {
        StringBuilder s = new StringBuilder("net(input(" + join(net.inputShape()) + "))");
        if (seed != 0) {
            s.append(".seed(").append(seed).append(')');
        }
        for (Layer layer : net.layers()) {
            if (layer.spec() == null) {
                throw new IllegalArgumentException("save: layer " + layer.position() + " (" + layer.kind() + ", "
                        + layer.getClass().getName() + ") is not a layer of the DSL, so the file could not rebuild"
                        + " it; override spec() in it to return the DSL call that makes it, or save only the weights"
                        + " with Checkpoint.save(path, model.state(), Map.of())");
            }
            s.append("\n  .").append(layer.spec());
        }
        return s.append('\n').toString();
    }

    /** Builds the network that {@code text} describes; {@code file} names it in errors. */
    static Net rebuild(String text, String file) {
        Architecture reader = new Architecture(text);
        try {
            return reader.net();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Net.load: " + file + " describes a network this library cannot"
                    + " build, in line " + reader.line() + " of its architecture: " + e.getMessage()
                    + "; was it written by a newer version? Load it with the library that wrote it", e);
        }
    }

    /** The line being read, 1 for the first. */
    private long line() {
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private Net net() {
        word("net");
        expect('(');
        word("input");
        expect('(');
        Net net = new Net(integers().stream().mapToInt(Integer::intValue).toArray());
        expect(')');
        expect(')');
        calls(net);
        skipSpace();
        if (at < text.length()) {
            throw new IllegalArgumentException("expected the end, found '" + text.charAt(at) + "'");
        }
        return net;
    }

    /** {@code .call(args)} as long as there are some, each applied to {@code net}. */
    private void calls(Net net) {
        while (peek('.')) {
            expect('.');
            String name = name();
            expect('(');
            call(net, name);
            expect(')');
        }
    }

    /** One word of the DSL with its arguments (read up to, not including, the closing parenthesis). */
    private void call(Net net, String name) {
        switch (name) {
            case "seed" -> net.seed(Long.parseLong(token()));
            case "dense" -> net.dense(integer());
            case "conv" -> net.conv(integer(), nextInteger());
            case "stride" -> net.stride(integer());
            case "pad" -> net.pad(integer());
            case "padSame" -> net.padSame();
            case "noBias" -> net.noBias();
            case "pool" -> pool(net, true);
            case "avgPool" -> pool(net, false);
            case "globalAvgPool" -> net.globalAvgPool();
            case "flatten" -> net.flatten();
            case "unflatten" -> net.unflatten(integers().stream().mapToInt(Integer::intValue).toArray());
            case "relu" -> net.relu();
            case "leakyRelu" -> net.leakyRelu(number());
            case "sigmoid" -> net.sigmoid();
            case "tanh" -> net.tanh();
            case "softmax" -> net.softmax();
            case "logSoftmax" -> net.logSoftmax();
            case "dropout" -> net.dropout(number());
            case "batchNorm" -> net.batchNorm();
            case "layerNorm" -> net.layerNorm();
            case "residual" -> residual(net);
            default -> throw new IllegalArgumentException("no DSL word '" + name + "'");
        }
    }

    /** {@code pool(k)} or {@code pool(k, stride)}. */
    private void pool(Net net, boolean max) {
        int k = integer();
        int stride = peek(',') ? nextInteger() : k;
        if (max) {
            net.pool(k, stride);
        } else {
            net.avgPool(k, stride);
        }
    }

    /** {@code residual(SHORTCUT, b -> b.calls...)}: the block's calls are read while the block is built. */
    private void residual(Net net) {
        Residual.Shortcut shortcut = Residual.Shortcut.valueOf(name());
        expect(',');
        word("b");
        expect('-');
        expect('>');
        word("b");
        net.residual(shortcut, block -> {
            calls(block);
            return block;
        });
    }

    /** {@code , n}: the integer after a comma. */
    private int nextInteger() {
        expect(',');
        return integer();
    }

    private List<Integer> integers() {
        List<Integer> values = new ArrayList<>(List.of(integer()));
        while (peek(',')) {
            expect(',');
            values.add(integer());
        }
        return values;
    }

    private int integer() {
        return Integer.parseInt(token());
    }

    private double number() {
        return Double.parseDouble(token());
    }

    private String name() {
        String name = token();
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            throw new IllegalArgumentException("expected a name, found '" + name + "'");
        }
        return name;
    }

    private void word(String expected) {
        String found = name();
        if (!found.equals(expected)) {
            throw new IllegalArgumentException("expected '" + expected + "', found '" + found + "'");
        }
    }

    /** The next name or number: letters, digits, '.', '-' and '+' after a digit (1.0E-5). */
    private String token() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || at > start && Character.isDigit(text.charAt(start)) && ".-+".indexOf(text.charAt(at)) >= 0
                || at == start && text.charAt(at) == '-')) {
            at++;
        }
        return text.substring(start, at);
    }

    private boolean peek(char c) {
        skipSpace();
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("expected '" + c + "', found "
                    + (at < text.length() ? "'" + text.charAt(at) + "'" : "the end"));
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static String join(int[] values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(v);
        }
        return s.toString();
    }
}

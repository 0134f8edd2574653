package dl.kernel;

import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs the cells inside the kernel's own JVM, as JShell's "local" engine does (its {@code stop()} is what
 * interrupts a runaway loop), and keeps two things that engine would turn into strings: the value of an
 * expression, so that a chart can be drawn rather than printed, and the exception a cell threw, with its class
 * and stack trace.
 */
final class LocalEngine extends LocalExecutionControl {

    private volatile Object value;
    private volatile Throwable thrown;

    /** JShell reads a variable's value here; the kernel asks for the variable it wants to show. */
    @Override
    public String varValue(String className, String varName) throws InternalException {
        try {
            var field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read " + varName + ": " + e);
        }
        return "";
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        thrown = cause;
        return super.throwConvertedInvocationException(cause);
    }

    /** The value the last {@link #varValue} read. */
    Object value() {
        return value;
    }

    /** The exception the last cell threw, or null; reading it forgets it. */
    Throwable takeThrown() {
        Throwable t = thrown;
        thrown = null;
        return t;
    }

    /** Hands JShell this engine and the kernel the same instance. */
    static final class Provider implements ExecutionControlProvider {

        private final LocalEngine engine = new LocalEngine();

        LocalEngine engine() {
            return engine;
        }

        @Override
        public String name() {
            return "dl-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return engine;
        }
    }
}

package dl.kernel;

import dl.backend.Device;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %device cuda}, {@code %device cpu} (or {@code reference}, {@code cuda:1}) on a cell's first line: the device
 * that new tensors and models are made on from then on, as {@code Device.use(...)} would set it. {@code %device}
 * alone says which one is current. A model made before stays where it is: {@code model.to(Device.current())}.
 */
final class DeviceLine {

    private static final Pattern LINE = Pattern.compile("\\A[ \\t]*%device(?:[ \\t]+(\\S+))?[ \\t]*(?:\\R|\\z)");

    private DeviceLine() {
    }

    /**
     * Applies the cell's {@code %device} line, if it has one, and returns what to say about it and the rest of the
     * cell to evaluate; a cell without one comes back whole, with nothing to say. An unknown name or a device that
     * this machine lacks fails with the one line that says why, and changes nothing.
     */
    static Result apply(String cell) {
        Matcher m = LINE.matcher(cell);
        if (!m.find()) {
            return new Result(null, cell);
        }
        if (m.group(1) != null) {
            Device.use(Device.parse(m.group(1)));
        }
        String said = "device: " + Device.current() + " (new tensors and models are made there; move a model made"
            + " before with model.to(Device.current()))";
        return new Result(said, cell.substring(m.end()));
    }

    /** What to print ({@code null}: nothing) and the rest of the cell. */
    record Result(String said, String rest) {
    }
}

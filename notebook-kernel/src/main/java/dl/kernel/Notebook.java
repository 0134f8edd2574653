package dl.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What a cell can call to show things, imported in every notebook: {@code display(model.summary())} in the middle
 * of a cell shows the value there, as the cell's last expression would be shown at its end.
 */
public final class Notebook {

    private Notebook() {
    }

    /** Shows {@code value} now, below the cell, the way it would be shown as the cell's last expression. */
    public static void display(Object value) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        kernel.display(value instanceof DisplayData data ? data : kernel.getRenderer().render(value));
    }

    /** Shows {@code value} as the given MIME types only: {@code display(chart, "image/svg+xml")}. */
    public static void display(Object value, String... mimeTypes) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        kernel.display(kernel.getRenderer().renderAs(value, mimeTypes));
    }
}

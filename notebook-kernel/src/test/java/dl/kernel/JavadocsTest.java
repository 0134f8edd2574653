package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shift-Tab's text for the toolkit's own methods, read from dl-core's sources. */
class JavadocsTest {

    private final Javadocs docs = new Javadocs(Jupyter.ROOT.resolve("dl-core/src/main/java").toString());

    @Test
    void aMethodsCommentIsFoundFromJShellsSignature() {
        assertEquals("max(x, 0).", docs.find("dl.tensor.Tensor dl.tensor.Tensor.relu()"));
        String conv = docs.find("dl.nn.Net dl.nn.Net.conv(int kernel, int filters)");
        assertTrue(conv.startsWith("filters convolutions of kernel x kernel"), conv);
        assertEquals(conv, docs.find("Net Net.conv(int kernel, int filters)"), "JShell's simple names");
    }

    @Test
    void aClassCommentToo() {
        assertTrue(docs.find("dl.tensor.Tensor").startsWith("An n-dimensional array of float32 numbers"));
    }

    @Test
    void nothingWhenThereIsNoSource() {
        assertNull(docs.find("java.lang.String java.lang.String.strip()"));
        assertNull(new Javadocs(null).find("dl.tensor.Tensor dl.tensor.Tensor.relu()"));
    }

    @Test
    void markupBecomesText() {
        assertEquals("y = x W + b, see Dense.forward", Javadocs.plain("{@code y = x W + b}, see {@link Dense#forward}"));
    }
}

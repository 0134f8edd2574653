package dl.viz;

import dl.autograd.Backprop;
import dl.autograd.Op;
import dl.tensor.Shapes;
import dl.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The computational graph that autograd recorded for a tensor, drawn left to right as the slides draw
 * {@code h = ReLU(Wx + b)}: tensors that are given (inputs and weights) on the left, each operation a box named
 * after its op with the shape it outputs, arrows from the tensors an operation reads. Weights that require a
 * gradient (the variables to learn) are orange, constants grey, operations blue.
 *
 * <pre>{@code
 * var h = W.matmul(x).add(b).relu();
 * GraphPicture.of(h, Map.of("W", W, "x", x, "b", b))   // W, x -> matmul -> add (b) -> relu
 * }</pre>
 */
public final class GraphPicture {

    private static final int BOX_W = 150, BOX_H = 46, GAP_X = 56, GAP_Y = 22, MARGIN = 16;
    private static final Color OP = new Color(0xCF, 0xE3, 0xF5), VARIABLE = new Color(0xFB, 0xD9, 0xB8),
            CONSTANT = new Color(0xE6, 0xE6, 0xE6);

    private GraphPicture() {
    }

    /** The graph of {@code output}, its given tensors labelled with their shapes. */
    public static BufferedImage of(Tensor output) {
        return of(output, Map.of());
    }

    /** The graph of {@code output}, given tensors labelled with their names in {@code names} and their shapes. */
    public static BufferedImage of(Tensor output, Map<String, Tensor> names) {
        List<Tensor> nodes = Backprop.inputsFirst(output, true);
        Map<Tensor, Integer> column = new IdentityHashMap<>();
        for (Tensor t : nodes) {   // an op one column right of its latest input
            int c = 0;
            for (Tensor in : inputs(t)) {
                c = Math.max(c, column.get(in) + 1);
            }
            column.put(t, c);
        }
        for (Tensor t : nodes) {   // a given tensor sits just left of the first op that reads it
            for (Tensor in : inputs(t)) {
                if (in.creator() == null && column.get(in) == 0) {
                    column.put(in, column.get(t) - 1);
                }
            }
        }
        int columns = 0;
        Map<Integer, Integer> used = new java.util.HashMap<>();
        Map<Tensor, Integer> row = new IdentityHashMap<>();
        for (Tensor t : nodes) {
            int c = column.get(t);
            row.put(t, used.merge(c, 1, Integer::sum) - 1);
            columns = Math.max(columns, c + 1);
        }
        int rows = used.values().stream().max(Integer::compare).orElse(1);
        BufferedImage image = new BufferedImage(2 * MARGIN + columns * BOX_W + (columns - 1) * GAP_X,
                2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Map<Tensor, int[]> at = new IdentityHashMap<>();   // top-left corner of each box
        for (Tensor t : nodes) {
            int c = column.get(t), inColumn = used.get(c);
            int top = MARGIN + (rows - inColumn) * (BOX_H + GAP_Y) / 2 + row.get(t) * (BOX_H + GAP_Y);
            at.put(t, new int[] {MARGIN + c * (BOX_W + GAP_X), top});
        }
        g.setStroke(new BasicStroke(1.5f));
        for (Tensor t : nodes) {
            for (Tensor in : inputs(t)) {
                arrow(g, at.get(in), at.get(t));
            }
        }
        Map<Tensor, String> label = new IdentityHashMap<>();
        names.forEach((name, tensor) -> label.put(tensor, name));
        for (Tensor t : nodes) {
            Op op = t.creator();
            String title = op != null ? op.name() : label.getOrDefault(t, t == output ? "output" : "tensor");
            Color fill = op != null ? OP : t.isGradRequired() ? VARIABLE : CONSTANT;
            box(g, at.get(t), fill, title, Shapes.str(t.shape()));
        }
        g.dispose();
        return image;
    }

    private static Tensor[] inputs(Tensor t) {
        return t.creator() == null ? new Tensor[0] : t.creator().inputs();
    }

    private static void box(Graphics2D g, int[] xy, Color fill, String title, String shape) {
        g.setColor(fill);
        g.fillRoundRect(xy[0], xy[1], BOX_W, BOX_H, 14, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawRoundRect(xy[0], xy[1], BOX_W, BOX_H, 14, 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        centred(g, title, xy[0], xy[1] + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        centred(g, shape, xy[0], xy[1] + 37);
    }

    private static void centred(Graphics2D g, String text, int left, int baseline) {
        g.drawString(text, left + (BOX_W - g.getFontMetrics().stringWidth(text)) / 2, baseline);
    }

    /** From the right edge of one box to the left edge of another, with a head. */
    private static void arrow(Graphics2D g, int[] from, int[] to) {
        int x0 = from[0] + BOX_W, y0 = from[1] + BOX_H / 2, x1 = to[0], y1 = to[1] + BOX_H / 2;
        g.setColor(Color.GRAY);
        g.drawLine(x0, y0, x1, y1);
        double angle = Math.atan2(y1 - y0, x1 - x0);
        for (double side : new double[] {-0.4, 0.4}) {
            g.drawLine(x1, y1, (int) Math.round(x1 - 10 * Math.cos(angle + side)),
                    (int) Math.round(y1 - 10 * Math.sin(angle + side)));
        }
    }
}

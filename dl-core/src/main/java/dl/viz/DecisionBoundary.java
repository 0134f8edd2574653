package dl.viz;

import dl.data.Dataset;
import dl.nn.Net;
import dl.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A classifier of 2-D points seen as TensorFlow Playground shows it: every pixel of the plane coloured by the
 * class the model predicts there (pale), the data points on top (strong colours, dark outline).
 */
public final class DecisionBoundary {

    static final int SIZE = 500;

    private DecisionBoundary() {
    }

    public static BufferedImage of(Net model, Dataset points) {
        if (points.inputShape().length != 1 || points.inputShape()[0] != 2) {
            throw new IllegalArgumentException("decisionBoundary: needs points in the plane, inputs of [2]; got "
                    + java.util.Arrays.toString(points.inputShape()));
        }
        float[] xy = points.inputs();
        float minX = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, minY = Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        float padX = 0.1f * (maxX - minX) + 1e-3f, padY = 0.1f * (maxY - minY) + 1e-3f;
        float x0 = minX - padX, y0 = minY - padY, w = maxX - minX + 2 * padX, h = maxY - minY + 2 * padY;

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        float[] grid = new float[2 * SIZE];
        for (int row = 0; row < SIZE; row++) {   // one row of pixels per prediction batch
            for (int col = 0; col < SIZE; col++) {
                grid[2 * col] = x0 + w * (col + 0.5f) / SIZE;
                grid[2 * col + 1] = y0 + h * (SIZE - row - 0.5f) / SIZE;
            }
            float[] classes = model.outputs(Tensor.of(grid, SIZE, 2)).argmax(1).toFloatArray();
            for (int col = 0; col < SIZE; col++) {
                image.setRGB(col, row, pale(Charts.PALETTE[(int) classes[col] % Charts.PALETTE.length]).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < points.size(); i++) {
            int px = Math.round((xy[2 * i] - x0) / w * SIZE), py = Math.round(SIZE - (xy[2 * i + 1] - y0) / h * SIZE);
            g.setColor(Charts.PALETTE[points.label(i) % Charts.PALETTE.length]);
            g.fillOval(px - 4, py - 4, 8, 8);
            g.setColor(Color.DARK_GRAY);
            g.drawOval(px - 4, py - 4, 8, 8);
        }
        g.dispose();
        return image;
    }

    /** The colour mixed two parts in three with white. */
    static Color pale(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}

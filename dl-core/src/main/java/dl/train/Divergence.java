package dl.train;

import java.util.Locale;

/**
 * Tells from the loss of each step whether training has diverged: the loss is not a number, or it has exploded,
 * more than {@link #FACTOR} times the first step's loss for {@link #STEPS} steps in a row. An untrained model's loss
 * is about as bad as a loss gets (ln 10 = 2.3 for ten classes and cross-entropy), so training that learns stays
 * well below a hundred times it; a single bad batch may jump up, ten in a row do not. Weights that have run away (a
 * learning rate of 1e6, or a negative one that climbs the loss) keep it there and do not come back.
 */
final class Divergence {

    static final double FACTOR = 100;
    static final int STEPS = 10;

    private double first = Double.NaN;
    private int above;

    /** Takes the loss (per example) of the next step, and says whether training has diverged. */
    boolean diverged(float loss) {
        if (Double.isNaN(first)) {
            first = loss;
        }
        above = first > 0 && loss > FACTOR * first ? above + 1 : 0;   // a first loss of 0 gives no scale
        return !Float.isFinite(loss) || above >= STEPS;
    }

    /** What the loss did, for the message: "the loss became NaN", "the loss per example was 4.6E5". */
    String what(float loss) {
        return Float.isFinite(loss) ? "the loss per example was " + loss : "the loss became " + loss;
    }

    /** Why a finite loss counts as diverged; empty for one that is not a number. */
    String why(float loss) {
        return Float.isFinite(loss) ? String.format(Locale.ROOT, ", over %.0f times the first step's %.4g for %d"
                + " steps in a row", FACTOR, first, STEPS) : "";
    }
}

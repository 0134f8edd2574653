package dl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.demo.CommandLine.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainBenchTest {

    @Test
    void readsOptionsInAnyOrderWithDefaultsForTheRest() {
        assertEquals(new TrainBench.Options("all", 1, 60_000, 0, true), TrainBench.parse(new String[0]));
        assertEquals(new TrainBench.Options("lenet5", 2, 1000, -3, false),
                TrainBench.parse("--warmup off --seed -3 --n 1000 --epochs 2 --model lenet5".split(" ")));
    }

    /** A bad option is one line naming it and its value, then the usage; a lone --model no longer runs all four. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs x         | --epochs must be a whole number of at least 1, got 'x'",
        "--epochs 0         | --epochs must be a whole number of at least 1, got '0'",
        "--n -5             | --n must be a whole number of at least 1, got '-5'",
        "--model nosuch     | --model must be one of mlp, lenet5, nn4, vgg_small or all, got 'nosuch'",
        "--model            | --model needs a value",
        "--epochs 2 --model | --model needs a value",
        "--seed 1.5         | --seed must be a whole number, got '1.5'",
        "--warmup yes       | --warmup must be on or off, got 'yes'",
        "lenet5             | unknown option 'lenet5'"})
    void aBadOptionIsOneLineOfUsage(String args, String problem) {
        UsageException e = assertThrows(UsageException.class, () -> TrainBench.parse(args.split(" ")));
        assertEquals(problem + "; usage: " + TrainBench.USAGE, e.getMessage());
    }
}

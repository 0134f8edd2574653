package dl.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.demo.CommandLine.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoTest {

    @Test
    void readsEpochsAndTrainingImages() {
        assertEquals(new Demo.Settings(1, 60_000), Demo.parse(new String[0]));
        assertEquals(new Demo.Settings(3, 60_000), Demo.parse(new String[] {"3"}));
        assertEquals(new Demo.Settings(3, 10_000), Demo.parse(new String[] {"3", "10000"}));
    }

    /** ./dl demo abc, ./dl demo -1, ./dl demo 1 0: one line naming the argument and its value, then the usage. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc     | E (epochs) must be a whole number of at least 1, got 'abc'",
        "-1      | E (epochs) must be a whole number of at least 1, got '-1'",
        "0       | E (epochs) must be a whole number of at least 1, got '0'",
        "1 0     | N (training images) must be a whole number of at least 1, got '0'",
        "1 1e4   | N (training images) must be a whole number of at least 1, got '1e4'",
        "1 100 7 | takes at most two numbers, got 3 arguments"})
    void aBadArgumentIsOneLineOfUsage(String args, String problem) {
        UsageException e = assertThrows(UsageException.class, () -> Demo.parse(args.split(" ")));
        assertEquals(problem + "; usage: " + Demo.USAGE, e.getMessage());
    }
}

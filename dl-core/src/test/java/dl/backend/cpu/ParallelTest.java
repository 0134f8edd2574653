package dl.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @RepeatedTest(20)
    void runsEveryIndexOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        Parallel.forEach(runs.length(), runs::incrementAndGet);
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @RepeatedTest(20)
    void aFailureIsThrownOnceEveryOtherIndexHasRun() {
        int n = 64;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        IllegalArgumentException failure = new IllegalArgumentException("the last index fails");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () ->
                Parallel.forEach(n, i -> {
                    if (i == n - 1) {   // in the last chunk, which a worker takes when it is quick enough
                        throw failure;
                    }
                    runs.incrementAndGet(i);
                }));
        assertSame(failure, thrown);
        for (int i = 0; i < n - 1; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void anErrorIsThrownAsItIs() {
        AssertionError error = new AssertionError("an error, not an exception");
        assertSame(error, assertThrows(AssertionError.class, () -> Parallel.forEach(8, i -> {
            if (i == 7) {
                throw error;
            }
        })));
    }

    @RepeatedTest(5)
    void aCallFromInsideAChunkRunsOnThatChunksThread() {
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        Parallel.forEach(16, outer -> Parallel.forEach(16, inner -> runs.incrementAndGet(outer * 16 + inner)));
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void theNextCallWorksAfterAFailure() {
        assertThrows(IllegalStateException.class, () -> Parallel.forEach(4, i -> {
            throw new IllegalStateException("every index fails");
        }));
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        Parallel.forEach(4, runs::incrementAndGet);
        assertEquals(4, runs.get(0) + runs.get(1) + runs.get(2) + runs.get(3));
    }
}

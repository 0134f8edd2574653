package dl.backend;

import static dl.Dsl.epochs;
import static dl.Dsl.input;
import static dl.Dsl.net;
import static dl.optim.Optimizers.adam;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dl.data.ToySets;
import dl.nn.Net;
import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Choosing a device, moving tensors and models between devices, and what an op that mixes them says. The suite runs
 * once on each CPU device ({@code -Ddl.device}); "the other device" is whichever of the two is not current.
 */
class DeviceTest {

    private static Device other() {
        return Device.current().equals(Device.cpu()) ? Device.reference() : Device.cpu();
    }

    @Test
    void devicesByName() {
        assertEquals(Device.cpu(), Device.parse("cpu"));
        assertEquals(Device.reference(), Device.parse(" Reference "));
        assertEquals(Device.cuda(0), Device.parse("cuda"));
        assertEquals("cuda:1", Device.parse("cuda:1").toString());
        assertEquals("Device.cuda(1)", Device.cuda(1).code());
        var refused = assertThrows(IllegalArgumentException.class, () -> Device.parse("gpu"));
        assertEquals("device 'gpu': expected cpu, reference, cuda or cuda:N (N the GPU's number, from 0)",
                refused.getMessage());
    }

    @Test
    void factoriesCreateOnTheCurrentDeviceAndOpsComputeWhereTheirInputsAre() {
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        assertEquals(Device.current(), x.device());
        Tensor moved = x.to(other());
        assertEquals(other(), moved.device());
        assertEquals(other(), moved.mul(moved).device());
        assertArrayEquals(new float[] {1, 4, 9}, moved.mul(moved).toFloatArray());
        assertSame(x, x.to(Device.current()));
    }

    @Test
    void anOpThatMixesDevicesSaysWhichAndWhatToDo() {
        Tensor a = Tensor.ones(2, 2), b = Tensor.ones(2, 2).to(other());
        var refused = assertThrows(IllegalArgumentException.class, () -> a.matmul(b));
        assertEquals("matmul: input 1 is on " + Device.current() + " and input 2 on " + other() + "; an op computes"
                + " on one device. Move one, e.g. x.to(" + Device.current().code() + ") (net.to(...) moves a model),"
                + " or create everything on one device with Device.use(...) or DL_DEVICE", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertThrows(IllegalArgumentException.class, () -> a.addInPlace(1, b));
    }

    @Test
    void aModelMovesWithItsOptimizerState() {
        var data = ToySets.circles(64, 0.1, 1);
        Net model = net(input(2)).dense(8).relu().dense(2).seed(1);
        model.fit(data, epochs(1).batch(16).optimizer(adam(0.01)).quiet());
        float[] before = model.parameters().get(0).toFloatArray();
        Device here = Device.current();
        model.to(other());
        assertEquals(other(), model.device());
        assertArrayEquals(before, model.parameters().get(0).toFloatArray(), 0f);
        model.lastOptimizer().slots().forEach(slot -> assertEquals(other(), slot.device()));

        var refused = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data, epochs(1).batch(16).quiet()));
        assertEquals("fit: the model is on " + other() + " and the data's batches are created on " + here
                + " (the current device); move the model with model.to(" + here.code() + "), or make its device"
                + " current with Device.use(" + other().code() + ")", refused.getMessage());
        model.to(here);
        model.fit(data, epochs(1).batch(16).optimizer(model.lastOptimizer()).quiet());
    }

    @Test
    void useMakesADeviceCurrent() {
        Device before = Device.current(), other = other();
        try {
            Device.use(other);
            assertEquals(other, Device.current());
            assertEquals(other, Tensor.zeros(2).device());
        } finally {
            Device.use(before);
        }
    }

    @Test
    void aGpuThatIsNotThereSaysWhatIsMissing() {
        var refused = assertThrows(DeviceUnavailable.class, () -> Device.use(Device.cuda(3)));
        assertEquals("cuda:3: the dl-cuda module is not on the class path; run with ./dl, which puts it there, or"
                + " add the dl-cuda jar to the class path", refused.getMessage());
    }
}

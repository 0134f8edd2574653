package dl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.backend.Device;
import dl.backend.DeviceUnavailable;
import dl.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeviceLineTest {

    private final Device before = Device.current();

    @AfterEach
    void putTheDeviceBack() {
        Device.use(before);
    }

    @Test
    void aDeviceLineChoosesWhereNewTensorsAreMadeAndTheRestOfTheCellRuns() {
        DeviceLine.Result result = DeviceLine.apply("%device reference\nvar x = Tensor.zeros(2, 2);");
        assertEquals("var x = Tensor.zeros(2, 2);", result.rest());
        assertTrue(result.said().startsWith("device: reference"), result.said());
        assertEquals(Device.reference(), Tensor.zeros(2, 2).device());
        assertTrue(DeviceLine.apply("%device cpu").said().startsWith("device: cpu "));
    }

    @Test
    void aCellWithoutOneIsLeftAlone() {
        DeviceLine.Result result = DeviceLine.apply("int device = 3;\n%device cuda");
        assertNull(result.said());
        assertEquals("int device = 3;\n%device cuda", result.rest());
    }

    @Test
    void anUnknownNameOrAMissingGpuSaysWhyAndChangesNothing() {
        Device current = Device.current();
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> DeviceLine.apply("%device gpu"));
        assertEquals("device 'gpu': expected cpu, reference, cuda or cuda:N (N the GPU's number, from 0)",
            unknown.getMessage());
        if (!new java.io.File("/dev/nvidia0").exists()) {
            assertThrows(DeviceUnavailable.class, () -> DeviceLine.apply("%device cuda"));
        }
        assertEquals(current, Device.current());
    }
}

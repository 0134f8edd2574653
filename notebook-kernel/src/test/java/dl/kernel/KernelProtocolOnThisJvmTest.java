package dl.kernel;

import java.nio.file.Path;

/**
 * {@link KernelProtocolTest}'s conversation with the kernel on the JVM that runs the tests: Maven's java, in CI the
 * oldest JDK the README promises, without {@code ./dl}'s JIT flags. The notebooks run on a student's JVM.
 */
class KernelProtocolOnThisJvmTest extends KernelProtocolTest {

    @Override
    Path registerKernel() {
        Jupyter.requireKernelOnThisJvm(Jupyter.PYTHON, "/usr/bin/jupyter-kernelspec");
        return Jupyter.THIS_JVM_PATH;
    }
}

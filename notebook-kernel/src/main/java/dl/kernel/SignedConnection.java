package dl.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection to Jupyter with its shell and control sockets replaced by {@link SignedShellChannel}s, which
 * drop a request with a wrong signature instead of ceasing to answer. The heartbeat, stdin and IOPub sockets are
 * jjava's own.
 */
final class SignedConnection extends JupyterConnection {

    private final KernelConnectionProperties sockets;
    /** The replaced sockets' own ZeroMQ context (jjava keeps its own private). */
    private final ZMQ.Context context = ZMQ.context(1);
    private final SignedShellChannel shellSocket;
    private final SignedShellChannel controlSocket;

    SignedConnection(KernelConnectionProperties sockets) throws NoSuchAlgorithmException, InvalidKeyException {
        super(sockets);
        this.sockets = sockets;
        HMACGenerator hmac = sockets.createHMACGenerator();
        this.shellSocket = new SignedShellChannel(context, hmac, false, this);
        this.controlSocket = new SignedShellChannel(context, hmac, true, this);
    }

    /** Binds every socket, ours in place of jjava's shell and control, and tells Jupyter the kernel is starting. */
    @Override
    public void connect() {
        heartbeat.bind(sockets);
        shellSocket.bind(sockets);
        controlSocket.bind(sockets);
        stdin.bind(sockets);
        iopub.bind(sockets);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        shellSocket.close();
        controlSocket.close();
        context.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        super.waitUntilClose();
        shellSocket.waitUntilClose();
        controlSocket.waitUntilClose();
    }
}

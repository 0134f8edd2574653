package dl.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * The shell (or control) socket of the kernel: it reads each request, checks its signature and hands it to the
 * kernel, as jjava's {@link ShellChannel} does, except that a request whose signature is wrong is dropped and
 * logged, and the next one is read. jjava 1.0-a6 throws a SecurityException out of the thread that reads the
 * socket, after which no cell gets a reply; anyone who can reach 127.0.0.1 could send one.
 *
 * <p>The signature is the HMAC of the header, parent header, metadata and content under the connection file's
 * key (Jupyter's wire protocol). It is compared in constant time, so that how fast a wrong one is refused says
 * nothing about how much of it was right.
 */
final class SignedShellChannel extends ShellChannel {

    private static final System.Logger LOG = System.getLogger(SignedShellChannel.class.getName());
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    /** How long the loop waits for a request before looking again (jjava's shell waits as long). */
    private static final long POLL_MS = 50;
    private static final Type JSON_OBJECT = new TypeToken<Map<String, Object>>() { }.getType();
    /** Reads requests as jjava does: its adapters for the header, the message type and the timestamps. */
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .create();

    private final boolean control;
    private final JupyterConnection connection;
    private volatile Loop loop;

    SignedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    /** Binds the socket and starts the thread that answers its requests one after the other. */
    @Override
    public void bind(KernelConnectionProperties sockets) {
        int port = control ? sockets.getControlPort() : sockets.getShellPort();
        bind(formatAddress(sockets.getTransport(), sockets.getIp(), port));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop(control ? "dl-control" : "dl-shell", POLL_MS, () -> {
            if (poller.poll(0) > 0) {
                Message<?> request = readSigned();
                if (request != null) {
                    answer(request);
                }
            }
        });
        loop.onError(e -> {   // a request that cannot be read or answered costs that request, not the kernel
            if (closed) {
                return -1;   // the socket closed under the loop at shutdown: stop
            }
            LOG.log(System.Logger.Level.WARNING, "a request could not be read or answered and was dropped", e);
            return POLL_MS;
        });
        loop.start();
    }

    /** The next request, or null when it is not signed with the key (it is then logged and forgotten). */
    Message<?> readSigned() {
        List<byte[]> frames = new ArrayList<>();   // all the parts of one message, however many there are
        do {
            frames.add(recv());
        } while (hasReceiveMore());
        // the sender's identities, <IDS|MSG>, signature, header, parent header, metadata, content, buffers
        int d = indexOf(frames, DELIMITER);
        if (d < 0 || frames.size() < d + 6 || !signedWithKey(frames.get(d + 1), frames.subList(d + 2, d + 6))) {
            LOG.log(System.Logger.Level.WARNING, "dropped a request on the " + (control ? "control" : "shell")
                    + " socket that is not signed with the connection file's key");
            return null;
        }
        return parse(frames, d);
    }

    private static int indexOf(List<byte[]> frames, byte[] frame) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), frame)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True when {@code signature} is the hex HMAC of the four parts under the key (empty when the connection file
     * has no key), compared in time that does not depend on where they differ.
     */
    private boolean signedWithKey(byte[] signature, List<byte[]> parts) {
        String expected = hmacGenerator.calculateSignature(parts.toArray(byte[][]::new));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature);
    }

    /** The frames after the delimiter at {@code d} read into jjava's message (identities route the reply back). */
    @SuppressWarnings("unchecked")
    private static <T> Message<T> parse(List<byte[]> frames, int d) {
        Header<T> header = GSON.fromJson(utf8(frames.get(d + 2)), Header.class);
        JsonElement parentJson = JsonParser.parseString(utf8(frames.get(d + 3)));
        Header<?> parent = parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()
                ? GSON.fromJson(parentJson, Header.class) : null;
        Map<String, Object> metadata = GSON.fromJson(utf8(frames.get(d + 4)), JSON_OBJECT);
        T content = GSON.fromJson(utf8(frames.get(d + 5)), header.getType().getContentType());
        return new Message<>(new ArrayList<>(frames.subList(0, d)), header, parent, metadata, content,
                new ArrayList<>(frames.subList(d + 6, frames.size())));
    }

    /** Hands the request to the kernel's handler for its type; replies go out when the handler is done. */
    private <T> void answer(Message<T> request) {
        ShellHandler<T> handler = connection.getHandler(request.getHeader().getType());
        if (handler == null) {
            LOG.log(System.Logger.Level.WARNING, "no handler for a " + request.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, request);
        try {
            handler.handle(env, request);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.shutdown();
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Loop running = loop;
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

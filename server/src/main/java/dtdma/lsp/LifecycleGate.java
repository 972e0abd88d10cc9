package dtdma.lsp;

import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Enforces the LSP lifecycle in front of the server, as the specification says: before {@code initialize} a
 * request is answered with error -32002 (ServerNotInitialized) and a notification other than {@code exit} is
 * dropped; after {@code shutdown} a request is answered with -32600 (InvalidRequest) and notifications other
 * than {@code exit} are dropped. Each refusal is one log line. Installed with
 * {@code Launcher.Builder.wrapMessages}, which wraps the outgoing stream first, then the incoming one.
 */
final class LifecycleGate implements Function<MessageConsumer, MessageConsumer> {
    private static final Logger LOG = Logger.getLogger(LifecycleGate.class.getName());

    private volatile MessageConsumer outgoing;
    private volatile boolean initialized;
    private volatile boolean shutdown;

    @Override
    public MessageConsumer apply(MessageConsumer next) {
        if (!(next instanceof RemoteEndpoint)) {
            outgoing = next;
            return next;
        }
        return message -> {
            if (admit(message)) {
                next.consume(message);
            }
        };
    }

    private boolean admit(Message message) {
        if (message instanceof RequestMessage r) {
            String m = r.getMethod();
            if (shutdown) {
                refuse(r, ResponseErrorCode.InvalidRequest, "the server is shut down; only 'exit' is accepted");
                return false;
            }
            if (!initialized && !"initialize".equals(m)) {
                refuse(r, ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet");
                return false;
            }
            if ("initialize".equals(m)) {
                initialized = true;
            } else if ("shutdown".equals(m)) {
                shutdown = true;
            }
            return true;
        }
        if (message instanceof NotificationMessage n && !"exit".equals(n.getMethod()) && (shutdown || !initialized)) {
            LOG.info("notification '" + n.getMethod() + "' dropped: the server is "
                    + (shutdown ? "shut down" : "not initialized yet"));
            return false;
        }
        return true;
    }

    private void refuse(RequestMessage r, ResponseErrorCode code, String why) {
        LOG.info("request '" + r.getMethod() + "' refused: " + why);
        ResponseMessage resp = new ResponseMessage();
        resp.setJsonrpc("2.0");
        resp.setRawId(r.getRawId());
        resp.setError(new ResponseError(code, why, null));
        MessageConsumer out = outgoing;
        if (out != null) {
            out.consume(resp);
        }
    }
}

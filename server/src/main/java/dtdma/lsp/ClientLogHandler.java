package dtdma.lsp;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Forwards {@code java.util.logging} records at INFO and above to the client as {@code window/logMessage}. */
final class ClientLogHandler extends Handler {
    private final LanguageClient client;

    ClientLogHandler(LanguageClient client) {
        this.client = client;
        setLevel(Level.INFO);
        setFormatter(new SimpleFormatter());
    }

    @Override
    public void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        MessageType t = r.getLevel().intValue() >= Level.SEVERE.intValue() ? MessageType.Error
                : r.getLevel().intValue() >= Level.WARNING.intValue() ? MessageType.Warning : MessageType.Info;
        String msg = getFormatter().formatMessage(r);
        if (r.getThrown() != null) {
            msg += ": " + r.getThrown();
        }
        try {
            client.logMessage(new MessageParams(t, msg));
        } catch (RuntimeException e) {
            // the connection is gone; stderr still has the record
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}

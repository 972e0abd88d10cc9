package dtdma.lsp;

import java.util.concurrent.CancellationException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging of faults the protocol expects from a careless or hostile client (malformed JSON, wrong parameter
 * types, invalid messages, cancelled requests): one line each on stderr instead of a stack trace. Anything
 * else keeps its stack trace, once.
 */
final class ExpectedFaults {
    private ExpectedFaults() {
    }

    /** Installs the filter on every handler of the root logger (the console handler writes to stderr). */
    static void install() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setFilter(ExpectedFaults::oneLine);
        }
    }

    /** Drops the stack trace of an expected fault (the record is kept, rewritten in one line). */
    static boolean oneLine(LogRecord r) {
        Throwable t = r.getThrown();
        if (t != null && expected(t)) {
            String msg = r.getMessage() == null ? "" : r.getMessage();
            r.setMessage(msg + (msg.isEmpty() ? "" : ": ") + summary(t));
            r.setThrown(null);
        }
        return true;
    }

    static boolean expected(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String n = c.getClass().getName();
            if (c instanceof CancellationException || n.startsWith("com.google.gson.")
                    || n.equals("org.eclipse.lsp4j.jsonrpc.MessageIssueException")
                    || n.equals("org.eclipse.lsp4j.jsonrpc.ResponseErrorException")
                    || c instanceof java.io.EOFException
                    // a notification method sent as a request: LSP4J answers InternalError itself
                    || String.valueOf(c.getMessage()).contains("returned null from its request method")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String summary(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String s = root.toString().replace('\n', ' ');
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

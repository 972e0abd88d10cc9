package dtdma.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The JSON-RPC framing layer in front of the protocol reader: reads {@code Content-Length} framed messages from
 * the client and passes on only well-formed frames, re-written canonically. A header block without a usable
 * {@code Content-Length} (missing, not a number, zero, negative, or above the size cap) is logged in one line and
 * skipped up to the next {@code Content-Length} header, so a bad frame never leaves the server alive but deaf; a
 * body over the cap is never allocated (bodies are passed through, not buffered). A body over the cap is
 * replaced by a small {@code dtdma/messageTooLarge} message carrying what its first bytes say (its {@code id},
 * {@code method} and the document {@code uri}), so the server can answer the request with an error and tell the
 * user which document it no longer follows, instead of dropping it silently. At the end of the input the stream
 * ends and the server exits.
 */
final class FramingInputStream extends InputStream {
    private static final Logger LOG = Logger.getLogger(FramingInputStream.class.getName());
    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADER_LINES = 32;
    private static final byte[] MARK = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final long maxBody;
    private byte[] header = new byte[0];
    private int headerPos;
    private long bodyLeft;
    private boolean eof;
    /** Set when resynchronising found the name of the next header already (its bytes are consumed). */
    private boolean markConsumed;
    private long skipped;
    /** Characters of the mark matched so far while resynchronising. */
    private int matched;
    /** The rest of an oversized body is still to be skipped. */
    private boolean resyncPending;
    /** The first bytes of an oversized body, read while skipping it (null while not capturing). */
    private java.io.ByteArrayOutputStream capture;
    private static final int CAPTURE_BYTES = 64 * 1024;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "\"id\"\\s*:\\s*(-?[0-9]{1,18}|\"(?:[^\"\\\\]|\\\\.){0,200}\")");
    private static final java.util.regex.Pattern METHOD = java.util.regex.Pattern.compile(
            "\"method\"\\s*:\\s*\"([A-Za-z0-9_$/.-]{1,100})\"");
    private static final java.util.regex.Pattern URI = java.util.regex.Pattern.compile(
            "\"uri\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,4096})\"");

    FramingInputStream(InputStream in, long maxBody) {
        this.in = in instanceof java.io.BufferedInputStream ? in : new java.io.BufferedInputStream(in, 65536);
        this.maxBody = maxBody;
    }

    /** How many bad header blocks were skipped (for tests). */
    long skippedFrames() {
        return skipped;
    }

    @Override
    public int read() throws IOException {
        if (!ready()) {
            return -1;
        }
        if (headerPos < header.length) {
            return header[headerPos++] & 0xff;
        }
        int b = in.read();
        if (b < 0) {
            eof = true;
            return -1;
        }
        bodyLeft--;
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ready()) {
            return -1;
        }
        if (headerPos < header.length) {
            int n = Math.min(len, header.length - headerPos);
            System.arraycopy(header, headerPos, buf, off, n);
            headerPos += n;
            return n;
        }
        int n = in.read(buf, off, (int) Math.min(len, bodyLeft));
        if (n < 0) {
            eof = true;
            return -1;
        }
        bodyLeft -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes sure there is a frame to read from; false at the end of the input. */
    private boolean ready() throws IOException {
        while (!eof && headerPos >= header.length && bodyLeft <= 0) {
            long n = nextFrame();
            if (n > 0) {
                header = ("Content-Length: " + n + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                headerPos = 0;
                bodyLeft = n;
            }
        }
        return !eof;
    }

    /** Reads one header block; the body length, or -1 after skipping a bad block (or at the end). */
    private long nextFrame() throws IOException {
        if (resyncPending) {
            resyncPending = false;
            if (!resync(Long.MAX_VALUE)) {
                return -1;
            }
        }
        long length = -1;
        String problem = null;
        boolean sawLength = false;
        for (int lines = 0;; lines++) {
            String line = readLine();
            if (line == null) {
                eof = true;
                return -1;
            }
            if (line.isEmpty()) {
                if (lines == 0) {
                    continue; // a stray blank line between frames
                }
                break;
            }
            if (lines >= MAX_HEADER_LINES) {
                problem = "more than " + MAX_HEADER_LINES + " header lines";
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problem = "a header line without a name: '" + shorten(line) + "'";
                break;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                sawLength = true;
                if (!value.matches("[0-9]{1,18}")) {
                    problem = "Content-Length '" + shorten(value) + "' is not a number";
                    break;
                }
                length = Long.parseLong(value);
                if (length <= 0) {
                    problem = "Content-Length " + length;
                    break;
                }
                if (length > maxBody) {
                    problem = "Content-Length " + length + " is above the limit of " + maxBody + " bytes";
                    break;
                }
            }
        }
        if (problem == null && !sawLength) {
            problem = "no Content-Length header";
        }
        if (problem == null) {
            return length;
        }
        skipped++;
        LOG.warning("bad JSON-RPC frame (" + problem + "): skipping to the next Content-Length header");
        if (length > maxBody) {
            // read the head of the body, serve the notice at once, and skip the rest when the next frame is wanted
            capture = new java.io.ByteArrayOutputStream();
            resyncPending = !resync(CAPTURE_BYTES) && !eof;
            byte[] notice = notice(capture.toString(StandardCharsets.UTF_8), length);
            capture = null;
            if (notice != null) {
                header = notice;
                headerPos = 0;
                bodyLeft = 0;
            }
            return -1;
        }
        resync(Long.MAX_VALUE);
        return -1;
    }

    /**
     * The frame standing in for an oversized message: {@code dtdma/messageTooLarge} with the original's
     * {@code id} (a request gets an error answer), {@code method}, {@code uri} and size; null when its first bytes
     * name no method (not a JSON-RPC request or notification). The {@code id} counts only where it comes before
     * {@code params}, so an {@code id} inside the parameters is not taken for the request's.
     */
    static byte[] notice(String head, long bytes) {
        int params = head.indexOf("\"params\"");
        String top = params < 0 ? head : head.substring(0, params);
        java.util.regex.Matcher method = METHOD.matcher(top);
        if (!method.find()) {
            return null;
        }
        com.google.gson.JsonObject p = new com.google.gson.JsonObject();
        p.addProperty("method", method.group(1));
        p.addProperty("bytes", bytes);
        java.util.regex.Matcher uri = URI.matcher(params < 0 ? "" : head.substring(params));
        if (uri.find()) {
            try {
                p.addProperty("uri", com.google.gson.JsonParser.parseString("\"" + uri.group(1) + "\"").getAsString());
            } catch (RuntimeException e) {
                // a malformed escape: no uri
            }
        }
        com.google.gson.JsonObject m = new com.google.gson.JsonObject();
        m.addProperty("jsonrpc", "2.0");
        java.util.regex.Matcher id = ID.matcher(top);
        if (id.find()) {
            try {
                m.add("id", com.google.gson.JsonParser.parseString(id.group(1)));
            } catch (RuntimeException e) {
                // a malformed id: answered as a notification
            }
        }
        m.addProperty("method", "dtdma/messageTooLarge");
        m.add("params", p);
        byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
        byte[] head2 = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = java.util.Arrays.copyOf(head2, head2.length + body.length);
        System.arraycopy(body, 0, out, head2.length, body.length);
        return out;
    }

    /**
     * Skips input up to and including the next {@code Content-Length:}, reading at most {@code limit} bytes;
     * true when the mark was found (false at the end of the input or the limit, which a later call continues).
     */
    private boolean resync(long limit) throws IOException {
        for (long n = 0; n < limit; n++) {
            int b = in.read();
            if (b < 0) {
                eof = true;
                LOG.warning("end of input while looking for the next frame");
                return false;
            }
            if (capture != null && capture.size() < CAPTURE_BYTES) {
                capture.write(b);
            }
            int lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
            if (lower == MARK[matched]) {
                if (++matched == MARK.length) {
                    matched = 0;
                    markConsumed = true;
                    return true;
                }
                continue;
            }
            matched = lower == MARK[0] ? 1 : 0; // no prefix of the mark repeats its first letter
        }
        return false;
    }

    /** One header line without its CR LF (a bare LF is accepted); null at the end of the input. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (markConsumed) {
            markConsumed = false;
            sb.append("Content-Length:");
        }
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() < MAX_HEADER_LINE) {
                sb.append((char) b);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

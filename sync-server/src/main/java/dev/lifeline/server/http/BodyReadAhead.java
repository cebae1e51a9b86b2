package dev.lifeline.server.http;

import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body <em>before</em> a request thread is given to it, then hands the request on with
 * the body replayed. Servlets (Javalin) read bodies with blocking I/O, so without this a client that promises
 * a body and never sends it holds one of the pool's threads until the idle timeout, and a few hundred such
 * clients stop the server answering Twilio and the desktops. Here waiting for bytes costs no thread: the read
 * is resumed by Jetty's demand callback when bytes arrive.
 *
 * <p>A body still incomplete after {@code deadline} gets 408 and its connection is closed, whether the client
 * stalled outright or trickles a byte now and then to dodge the idle timeout. A chunked body that grows past
 * {@code maxBytes} gets 413 as soon as it crosses the limit, without reading the rest. A declared Content-Length
 * over the limit with {@code Expect: 100-continue} gets 413 at once, before anything is read: reading is what makes
 * Jetty send {@code 100 Continue}, and a client invited to send 5 MB that is refused half-way has its connection
 * reset under it, often before it has read the 413 (issue 21 item 5). Without {@code Expect} the body is already on
 * its way, so closing at once would reset the client just the same: the application refuses it from the header.
 *
 * <p>Jetty's own {@code EagerContentHandler} does the same reading, but in 12.1 it ignores the idle timeout's
 * transient failure and stalled connections stayed open indefinitely (measured in {@code SlowClientsTest}).
 */
public final class BodyReadAhead extends Handler.Wrapper {

    private final long maxBytes;
    private final Duration deadline;

    public BodyReadAhead(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        if (request.getLength() > maxBytes) {
            if (expectsContinue(request)) {
                // Nothing has been sent yet: the final 413 replaces the 100 Continue, and closing loses nothing.
                refuseTooLarge(request, response, callback);
                return true;
            }
            // The body is already on its way: the application refuses it from the header and Jetty reads what has
            // arrived before closing, so the client is not reset before it has read the 413.
            return super.handle(request, response, callback);
        }
        new Loader(request, response, callback).start();
        return true;
    }

    private static boolean expectsContinue(Request request) {
        String expect = request.getHeaders().get(HttpHeader.EXPECT);
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    private static boolean hasBody(Request request) {
        long length = request.getLength();
        return length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    /** Collects one request's chunks as they arrive; synchronized because the deadline fires on another thread. */
    private final class Loader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        private long bytes;
        private boolean finished;
        private Scheduler.Task expiry;

        Loader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            Scheduler scheduler = request.getComponents().getScheduler();
            synchronized (this) {
                expiry = scheduler.schedule(this::refuseSlowBody,
                        deadline.toMillis(), TimeUnit.MILLISECONDS);
            }
            run();
        }

        /** Called again by Jetty whenever more of the body has arrived. */
        @Override
        public void run() {
            if (readWhatHasArrived()) {
                handOn();
            }
        }

        /** @return true once the whole body is here; never blocks, asks Jetty to call back when more arrives */
        private synchronized boolean readWhatHasArrived() {
            while (!finished) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return false;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (chunk.isLast()) {
                        finish();
                        releaseAll();
                        callback.failed(chunk.getFailure());
                    } else {
                        // A transient failure is the idle timeout: the client went quiet mid-body.
                        refuseSlowBody();
                    }
                    return false;
                }
                bytes += chunk.remaining();
                chunks.add(chunk);
                if (bytes > maxBytes) {
                    if (finishOnce()) {
                        refuseTooLarge(request, response, callback);
                    }
                    return false;
                }
                if (chunk.isLast()) {
                    finish();
                    return true;
                }
            }
            return false;
        }

        private void handOn() {
            try {
                if (!BodyReadAhead.super.handle(new Replayed(request, chunks), response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }

        private void refuseSlowBody() {
            refuse(HttpStatus.REQUEST_TIMEOUT_408, "Request timeout",
                    "The request body did not arrive within " + deadline.toSeconds() + " s");
        }

        private synchronized void refuse(int status, String title, String detail) {
            if (finishOnce()) {
                BodyReadAhead.refuse(request, response, callback, status, title, detail);
            }
        }

        /** @return true for the one caller that gets to answer; the chunks read so far are let go */
        private synchronized boolean finishOnce() {
            if (finished) {
                return false;
            }
            finish();
            releaseAll();
            return true;
        }

        private void finish() {
            finished = true;
            if (expiry != null) {
                expiry.cancel();
            }
        }

        private void releaseAll() {
            chunks.forEach(Content.Chunk::release);
            chunks.clear();
        }
    }

    private void refuseTooLarge(Request request, Response response, Callback callback) {
        refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "Payload too large",
                "The request body is larger than " + maxBytes + " bytes");
    }

    /** Answers with a problem body, like every other refusal; the connection closes (its body is unread). */
    private static void refuse(Request request, Response response, Callback callback, int status, String title,
                               String detail) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, title, status, detail, request.getHttpURI().getPath(), null);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(JsonCodec.shared().encode(problem).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** The request as the application sees it: the body read ahead comes first, chunk by chunk. */
    private static final class Replayed extends Request.Wrapper {
        private final Deque<Content.Chunk> chunks;

        Replayed(Request request, Deque<Content.Chunk> chunks) {
            super(request);
            this.chunks = chunks;
        }

        @Override
        public Content.Chunk read() {
            synchronized (chunks) {
                Content.Chunk next = chunks.poll();
                return next != null ? next : super.read();
            }
        }

        @Override
        public void demand(Runnable demandCallback) {
            boolean ready;
            synchronized (chunks) {
                ready = !chunks.isEmpty();
            }
            if (ready) {
                demandCallback.run();
            } else {
                super.demand(demandCallback);
            }
        }
    }
}

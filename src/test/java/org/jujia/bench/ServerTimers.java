package org.jujia.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The server's own view of a bench scenario: the {@code http.server.requests} timers of one URI template. */
final class ServerTimers {

    private ServerTimers() {
    }

    /** Count and total milliseconds of the timers for a URI template (zeros without a registry). */
    static double[] of(MeterRegistry meters, String uri) {
        if (meters == null) {
            return new double[2];
        }
        double count = 0;
        double totalMs = 0;
        for (Timer t : meters.find("http.server.requests").tag("uri", uri).timers()) {
            count += t.count();
            totalMs += t.totalTime(TimeUnit.MILLISECONDS);
        }
        return new double[] { count, totalMs };
    }
}

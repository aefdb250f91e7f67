package org.jujia.notification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * How the demo profile's simulated gateways behave: their latency and failure rate (starting from configuration,
 * changeable on the simulator console page), and injected failures: the next N requests, or the next N requests of
 * one reference (so a test or a demo can make one notification fail exactly twice).
 */
@Component
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class SimulatorState {

    /** The simulated gateways (and the simulated Web Push service). */
    enum Gateway { EMERGENCY_120, SMS, WEB_PUSH }

    private final Map<Gateway, Settings> settings = new ConcurrentHashMap<>();
    private final Map<Gateway, AtomicInteger> failNext = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failReference = new ConcurrentHashMap<>();
    final String username;
    final String password;

    /** Latency and failure rate (0..1) of one gateway. */
    record Settings(Duration latency, double failureRate) {
        Settings {
            if (latency.isNegative() || latency.compareTo(Duration.ofSeconds(30)) > 0 || failureRate < 0 || failureRate > 1) {
                throw new IllegalArgumentException("latency 0..30 s, failure rate 0..1");
            }
        }
    }

    SimulatorState(NotificationProperties props) {
        var sim = props.simulator();
        for (Gateway g : Gateway.values()) {
            settings.put(g, new Settings(sim.latency(), sim.failureRate()));
            failNext.put(g, new AtomicInteger());
        }
        this.username = sim.username();
        this.password = sim.password();
    }

    Settings settings(Gateway g) {
        return settings.get(g);
    }

    void configure(Gateway g, Settings s) {
        settings.put(g, s);
    }

    /** The next {@code n} requests to the gateway fail with 503. */
    void failNext(Gateway g, int n) {
        failNext.get(g).set(Math.max(0, n));
    }

    int pendingFailures(Gateway g) {
        return failNext.get(g).get();
    }

    /** The next {@code n} requests about this reference (caseRef / reference) fail with 503, whatever the gateway. */
    void failReference(String reference, int n) {
        failReference.put(reference, new AtomicInteger(n));
    }

    /** Should this request fail? Consumes one injected failure if there is one. */
    boolean shouldFail(Gateway g, String reference) {
        if (reference != null) {
            AtomicInteger left = failReference.get(reference);
            if (left != null && left.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
                return true;
            }
        }
        if (failNext.get(g).getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
            return true;
        }
        double rate = settings.get(g).failureRate();
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }
}

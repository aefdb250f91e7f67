package org.jujia.monitoring;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topic scheme (docs/mqtt.md): {@code jujia/v1/devices/{serial}/events|telemetry|status} from the device,
 * {@code jujia/v1/devices/{serial}/commands} to it, and who may publish or subscribe where.
 */
final class DeviceTopics {

    static final String PREFIX = "jujia/v1/devices/";
    /** Serials are restricted so that they can never carry a topic level separator or a wildcard. */
    static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,63}");

    enum Channel {
        EVENTS(DeviceSignal.Kind.EVENT), TELEMETRY(DeviceSignal.Kind.TELEMETRY), STATUS(DeviceSignal.Kind.STATUS), COMMANDS(null);

        final DeviceSignal.Kind kind;

        Channel(DeviceSignal.Kind kind) {
            this.kind = kind;
        }

        String segment() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean fromDevice() {
            return this != COMMANDS;
        }

        static Optional<Channel> ofSegment(String s) {
            for (Channel c : values()) {
                if (c.segment().equals(s)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    record Address(String serial, Channel channel) {
    }

    private DeviceTopics() {
    }

    static String topic(String serial, Channel channel) {
        return PREFIX + serial + "/" + channel.segment();
    }

    static String commands(String serial) {
        return topic(serial, Channel.COMMANDS);
    }

    /** What every node subscribes to: all device channels (commands are filtered out on receipt). */
    static String ingestFilter() {
        return PREFIX + "+/+";
    }

    static String sharedIngestFilter(String group) {
        return "$share/" + group + "/" + ingestFilter();
    }

    /** The device and channel a concrete topic names, or empty when it is not a device topic. */
    static Optional<Address> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = topic.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String serial = rest.substring(0, slash);
        if (!SERIAL.matcher(serial).matches()) {
            return Optional.empty();
        }
        return Channel.ofSegment(rest.substring(slash + 1)).map(c -> new Address(serial, c));
    }

    /**
     * Who is connected: the platform's own client, or a device (a gateway carries the serials of the sensors it relays
     * for).
     */
    record Principal(String username, boolean platform, Set<String> serials) {
        Principal {
            serials = Set.copyOf(serials);
        }

        static Principal platform(String username) {
            return new Principal(username, true, Set.of());
        }

        static Principal device(String serial, Set<String> relayed) {
            var all = new java.util.HashSet<>(relayed);
            all.add(serial);
            return new Principal(serial, false, all);
        }
    }

    /** A device publishes only events, telemetry and status of itself (or, for a gateway, of its sensors). */
    static boolean mayPublish(Principal p, String topic) {
        Optional<Address> a = parse(topic);
        if (p.platform()) {
            return a.isPresent() && a.get().channel() == Channel.COMMANDS;
        }
        return a.isPresent() && a.get().channel().fromDevice() && p.serials().contains(a.get().serial());
    }

    /**
     * A device subscribes only to its own command topic (a gateway also to its sensors'); the platform to the
     * device channels, shared or not. No wildcard for devices.
     */
    static boolean maySubscribe(Principal p, String filter) {
        if (filter == null) {
            return false;
        }
        if (p.platform()) {
            return filter.equals(ingestFilter()) || (filter.startsWith("$share/") && filter.endsWith("/" + ingestFilter())
                    && filter.indexOf('/', "$share/".length()) == filter.length() - ingestFilter().length() - 1);
        }
        if (filter.contains("+") || filter.contains("#") || filter.startsWith("$")) {
            return false;
        }
        Optional<Address> a = parse(filter);
        return a.isPresent() && a.get().channel() == Channel.COMMANDS && p.serials().contains(a.get().serial());
    }
}

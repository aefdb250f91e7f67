package org.jujia.notification;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live inbox entries across nodes: a browser's stream is held by whichever node it connected to, while the entry is
 * written by whichever node sent the notification. Every new entry is announced with PostgreSQL {@code NOTIFY} on
 * channel {@code jujia_inbox} ({@code <node>:<user>:<entry>}); every node {@code LISTEN}s on its own connection and
 * pushes announced entries of other nodes to the streams it holds (loading them only when it holds one of that user's).
 */
@Component
class InboxFanout implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxFanout.class);
    static final String CHANNEL = "jujia_inbox";

    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LiveStreams live;
    private final org.springframework.beans.factory.ObjectProvider<Inbox> inbox;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    InboxFanout(DataSource dataSource, JdbcClient jdbc, LiveStreams live, org.springframework.beans.factory.ObjectProvider<Inbox> inbox) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.live = live;
        this.inbox = inbox;
    }

    /** Tells the other nodes about a new entry (after it was pushed to this node's streams). */
    void announce(long userId, long entryId) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, node + ":" + userId + ":" + entryId).query((rs, n) -> 1).list();
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("inbox fan-out: listening connection lost ({}); reconnecting", e.toString());
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = Math.min(backoff * 2, 10_000);
                }
            } finally {
                connection = null;
            }
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split(":");
        if (parts.length != 3 || parts[0].equals(node)) {
            return;
        }
        long user = Long.parseLong(parts[1]);
        if (!live.hasStreams(user)) {
            return;
        }
        inbox.getObject().find(user, Long.parseLong(parts[2])).ifPresent(entry -> live.publish(user, entry));
    }

    /** Its own connection (not one of the pool's, which it would hold forever), with the pool's settings. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource h && h.getJdbcUrl() != null) {
            return DriverManager.getConnection(h.getJdbcUrl(), h.getUsername(), h.getPassword());
        }
        return dataSource.getConnection();
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("notify-inbox-listener").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

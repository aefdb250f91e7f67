package org.jujia.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One real PostgreSQL database per test JVM: a fresh database on the server named by
 * {@code JUJIA_TEST_DB_URL} (e.g. {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}), or an
 * embedded PostgreSQL in a temporary directory when that variable is unset.
 */
public final class TestDatabase {

    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        String external = System.getenv("JUJIA_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return freshDatabaseOn(external);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // shutting down anyway
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freshDatabaseOn(String serverUrl) {
        String name = "jujia_test_" + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000);
        try (var c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
            st.execute("create database " + name + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // best effort
            }
        }));
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String params = q < 0 ? "" : serverUrl.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }
}
